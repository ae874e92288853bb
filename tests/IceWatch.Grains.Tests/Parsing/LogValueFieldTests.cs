using System.Text.Json;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>
/// One field of an update-log value, read without the others, is the field that reading all of them gives;
/// the fields of a JSON object are those a JsonDocument reads.
/// </summary>
public sealed class LogValueFieldTests
{
    public static TheoryData<string?> Values() =>
    [
        null, "", "type: offer, sdp: v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n", "sdpType: answer, type: offer", "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}",
        "{\"sdp\":\"v=0\",\"type\":\"answer\",\"Type\":\"offer\"}", "{\"sdp_type\":\"pranswer\",\"type\":\"offer\"}", "{\"type\":1.5e3}",
        "{\"type\":{\"a\":[1,{\"b\":null}]},\"sdp\":\"x\"}", "{\"type\":\"offer\"} x", "{\"type\":\"offer\",}", "{\"type\":\"offer\"",
        "\"{\\\"type\\\":\\\"rollback\\\"}\"", "  {\"sdp\":\"v=0\"}  ", "{}", "{\"type\":\"offer\",\"type\":\"answer\"}", "{\"TYPE\":null}",
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void A_field_read_alone_is_the_one_all_fields_give(string? value) => AssertAsFields(value);

    [Fact]
    public void Random_values_give_the_field_all_fields_give()
    {
        var random = new Random(20261207);
        string[] pieces = ["{", "}", "[", "]", ",", ":", " ", "\"type\"", "\"sdp\"", "\"sdpType\"", "\"offer\"", "\"v=0\\r\\n\"", "1", "null", "type: ", "answer", "\n", "\\"];
        for (var i = 0; i < 5000; i++)
        {
            var value = "{\"type\":\"offer\",\"sdp\":\"v=0\"}";
            var cut = random.Next(value.Length);
            var noise = string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => pieces[random.Next(pieces.Length)]));
            AssertAsFields(value[..cut] + noise + value[cut..]);
        }
    }

    private static void AssertAsFields(string? value)
    {
        var fields = LogValueText.Fields(value);

        Assert.Equal(fields.GetValueOrDefault("sdptype") ?? fields.GetValueOrDefault("type"), LogValueText.Field(value, "sdptype", "type"));
        if (AsJsonDocumentReadsIt(LogValueText.Unwrap(value)) is { } expected)
        {
            Assert.Equal(expected, fields);
        }
    }

    // The fields of a text that is a JSON object, as a JsonDocument reads them (the first of each name); null for any other text.
    private static Dictionary<string, string>? AsJsonDocumentReadsIt(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind != JsonValueKind.Object ? null : doc.RootElement.EnumerateObject()
                .GroupBy(p => LogValueText.NormalizeKey(p.Name))
                .ToDictionary(g => g.Key, g => g.First().Value is { ValueKind: JsonValueKind.String } v ? v.GetString()! : g.First().Value.GetRawText());
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
