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
    public static Dictionary<string, string> Fields(string? value) => Fields(value, keep: null);

    /// <summary>
    /// <see cref="Fields"/>' <paramref name="key"/>, else its <paramref name="otherKey"/>: of a JSON object
    /// (a description, with its whole SDP) only those two values are decoded.
    /// </summary>
    public static string? Field(string? value, string key, string otherKey)
    {
        var fields = Fields(value, name => name == key || name == otherKey);
        return fields.GetValueOrDefault(key) ?? fields.GetValueOrDefault(otherKey);
    }

    // The fields; of a JSON object, only those whose names `keep` keeps (all when null).
    private static Dictionary<string, string> Fields(string? value, Func<string, bool>? keep)
    {
        var text = Unwrap(value);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        return text.StartsWith('{') && TryJsonFields(text, fields, keep) ? fields : TextFields(text, fields);
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

    // The fields of a JSON object, the first of each name; false (with none) when the text is no JSON.
    private static bool TryJsonFields(string text, Dictionary<string, string> fields, Func<string, bool>? keep)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = UploadLimits.MaxJsonDepth });
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = NormalizeKey(reader.GetString()!);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                var kept = !fields.ContainsKey(name) && (keep is null || keep(name));
                var field = kept && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
                if (kept)
                {
                    fields[name] = field ?? Encoding.UTF8.GetString(bytes.AsSpan(start, (int)reader.BytesConsumed - start));
                }
            }

            if (!reader.Read())
            {
                return true;
            }
        }
        catch (JsonException)
        {
        }

        fields.Clear();
        return false;
    }

    // A key starts the text or follows ", " or a line break, and is followed by ": ".
    [GeneratedRegex(@"(?:^|(?<=, )|(?<=\n))[ \t]*(?<key>[A-Za-z_][A-Za-z0-9_ ]{0,40}?):[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
