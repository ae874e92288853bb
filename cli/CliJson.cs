using System.Text.Json;
using IceWatch.Grains;

namespace IceWatch.Cli;

internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(GrainJson.Options) { WriteIndented = true };
}
