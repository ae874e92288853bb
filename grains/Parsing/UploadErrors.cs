using System.Text;
using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>Turns low-level read failures into <see cref="UploadFormatException"/>s a user can act on.</summary>
public static class UploadErrors
{
    public static UploadFormatException FromJson(JsonException e, string what)
    {
        var where = e.LineNumber is { } line ? $"line {line + 1}, byte {e.BytePositionInLine + 1}" : "an unknown position";
        var detail = e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            ? $"JSON nested at most {UploadLimits.MaxJsonDepth} levels deep"
            : "valid JSON";
        return new UploadFormatException($"expected {detail} at {where} of the {what}", e);
    }

    /// <summary>The failure as an UploadFormatException, or null when it is no input problem.</summary>
    public static UploadFormatException? Translate(Exception e, string what) => e switch
    {
        UploadFormatException u => u,
        JsonException j => FromJson(j, what),
        InvalidDataException => new UploadFormatException($"the {what} starts with gzip's magic bytes (1f 8b) but is not valid gzip data", e),
        DecoderFallbackException or InvalidOperationException { InnerException: DecoderFallbackException } =>
            new UploadFormatException($"expected UTF-8 text in the {what}", e),
        _ => null,
    };
}
