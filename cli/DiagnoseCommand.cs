using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IceWatch.Grains;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Cli;

/// <summary>
/// Runs the grains logic on local files with no database and no server: one session per file.
/// Exit 0 when every file was read; 2 (with a one-line reason per file) when one was not, a path
/// does not exist, or nothing at all was diagnosed.
/// </summary>
public static class DiagnoseCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var json = args.Contains("--json");
        var paths = args.Where(a => a != "--json").ToList();
        if (paths.Count == 0 || paths.Any(p => p.StartsWith("--", StringComparison.Ordinal))) return Usage.Print(error);
        var files = InputFiles.Expand(paths, error, out var missing);
        var results = new List<FileVerdicts>();
        var failed = missing;
        foreach (var file in files)
        {
            try
            {
                results.Add(new FileVerdicts(file, Diagnose(file)));
            }
            catch (Exception e) when (e is UploadFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error.WriteLine($"icewatch: {file}: {e.Message}");
                failed = true;
            }
        }
        if (json)
            output.WriteLine(Json(results));
        else
            foreach (var result in results) VerdictReport.Write(output, result.File, result.Verdicts);
        if (results.Count == 0)
        {
            error.WriteLine(files.Count == 0 ? "icewatch: no dump or report to diagnose" : "icewatch: no file could be diagnosed");
            return 2;
        }
        return failed ? 2 : 0;
    }

    public static IReadOnlyList<Verdict> Diagnose(string file)
    {
        using var stream = File.OpenRead(file);
        using var progress = ProgressReporter.For(stream, file);
        // One file, nothing kept across uploads: every peer connection of it gets a verdict.
        var grain = new SessionGrain(new SessionState { SessionId = Path.GetFileName(file) }, SessionOptions.Default with { Limits = SessionLimits.Unlimited });
        grain.ApplyUpload(progress.Stream, DateTimeOffset.UtcNow, readers: Environment.ProcessorCount);
        return grain.Evaluate(now: null);
    }

    // Every verdict in verdict.md's names, plus the file it came from (a property added to the verdict's contract).
    private static string Json(List<FileVerdicts> results)
    {
        var file = "";
        var options = new JsonSerializerOptions(CliJson.Options)
        {
            TypeInfoResolver = CliJson.Options.TypeInfoResolver!.WithAddedModifier(info =>
            {
                if (info.Type == typeof(Verdict))
                {
                    info.Properties.Add(JsonMetadataServices.CreatePropertyInfo(info.Options, new JsonPropertyInfoValues<string>
                    {
                        IsProperty = true,
                        IsPublic = true,
                        DeclaringType = typeof(Verdict),
                        PropertyName = "File",
                        JsonPropertyName = "file",
                        Getter = _ => file,
                    }));
                }
            }),
        };
        var verdictJson = (JsonTypeInfo<Verdict>)options.GetTypeInfo(typeof(Verdict));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = options.WriteIndented, Encoder = options.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var result in results)
            {
                file = result.File;
                foreach (var verdict in result.Verdicts)
                {
                    JsonSerializer.Serialize(writer, verdict, verdictJson);
                }
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed record FileVerdicts(string File, IReadOnlyList<Verdict> Verdicts);
}
