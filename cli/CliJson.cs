using System.Text.Encodings.Web;
using System.Text.Json;
using IceWatch.Grains;

namespace IceWatch.Cli;

internal static class CliJson
{
    // Written for people and jq, not embedded in HTML: "+00:00" and "→" stay as they are.
    public static JsonSerializerOptions Options { get; } = new(GrainJson.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
