using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads the "value" of a webrtc-internals update-log entry. Chrome writes these as loose text
/// ("sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:...", "url: ...\naddress: ...\nerror_code: 701"),
/// and since M142 some as JSON-encoded strings ("\"checking\"") or JSON objects.
/// </summary>
public static partial class LogValueText
{
    /// <summary>The value with one level of JSON string encoding removed, trimmed.</summary>
    public static string Unwrap(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return (JsonSerializer.Deserialize(text, GrainJsonContext.Default.String) ?? "").Trim();
            }
            catch (JsonException)
            {
                return text.Trim('"');
            }
        }

        return text;
    }

    /// <summary>
    /// The "key: value" fields of the value, keys lower-cased without '_' or spaces
    /// ("error_code", "errorCode" and "error code" all become "errorcode").
    /// </summary>
    public static Dictionary<string, string> Fields(string? value)
    {
        var text = Unwrap(value);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        return text.StartsWith('{') && TryJsonFields(text, fields) ? fields : TextFields(text, fields);
    }

    /// <summary>
    /// <see cref="Fields"/>' <paramref name="key"/>, else its <paramref name="otherKey"/>, without the others:
    /// a description's SDP is checked, not copied.
    /// </summary>
    public static string? Field(string? value, string key, string otherKey)
    {
        var text = Unwrap(value);
        if (text.StartsWith('{') && TryJsonField(text, key, otherKey, out var found))
        {
            return found;
        }

        var fields = TextFields(text, new Dictionary<string, string>(StringComparer.Ordinal));
        return fields.GetValueOrDefault(key) ?? fields.GetValueOrDefault(otherKey);
    }

    // The "key: value" fields of loose text.
    private static Dictionary<string, string> TextFields(string text, Dictionary<string, string> fields)
    {
        var matches = KeyPattern().Matches(text);
        if (matches.Count == 0 || matches[0].Index != 0)
        {
            return fields;
        }

        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var raw = text[start..end].TrimEnd();
            if (raw.EndsWith(','))
            {
                raw = raw[..^1];
            }

            fields.TryAdd(NormalizeKey(matches[i].Groups["key"].Value), raw.Trim());
        }

        return fields;
    }

    public static string NormalizeKey(string key) =>
        new(key.Where(c => c is not ('_' or ' ' or '-')).Select(char.ToLowerInvariant).ToArray());

    private static bool TryJsonFields(string text, Dictionary<string, string> fields)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = UploadLimits.MaxJsonDepth });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in doc.RootElement.EnumerateObject())
            {
                var v = property.Value;
                fields.TryAdd(NormalizeKey(property.Name), v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText());
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // As TryJsonFields (the same text is a JSON object or not), keeping only the first value of two keys.
    private static bool TryJsonField(string text, string key, string otherKey, out string? found)
    {
        (string? First, string? Other) values = (null, null);
        found = null;
        try
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = UploadLimits.MaxJsonDepth });
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = NormalizeKey(reader.GetString()!);
                reader.Read();
                var (start, matched) = ((int)reader.TokenStartIndex, name == key || name == otherKey);
                var field = matched && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
                if (matched)
                {
                    field ??= Encoding.UTF8.GetString(bytes.AsSpan(start, (int)reader.BytesConsumed - start));
                    values = name == key ? (values.First ?? field, values.Other) : (values.First, values.Other ?? field);
                }
            }

            if (reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        found = values.First ?? values.Other;
        return true;
    }

    // A key starts the text or follows ", " or a line break, and is followed by ": ".
    [GeneratedRegex(@"(?:^|(?<=, )|(?<=\n))[ \t]*(?<key>[A-Za-z_][A-Za-z0-9_ ]{0,40}?):[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
