using System.Text;
using System.Text.Json;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>A text decoded once gives what decoding it every time gives, whatever the text and however many there are.</summary>
public sealed class TextCacheTests
{
    [Theory]
    [InlineData("\"outbound-rtp\"")]
    [InlineData("\"set\\u004cocalDescription\"")]
    [InlineData("\"a\\\"b\"")]
    [InlineData("\"é\"")]
    [InlineData("\"\"")]
    public void A_text_gives_what_its_decoded_text_makes_every_time(string json)
    {
        var cache = new TextCache<string>(text => $"<{text}>");
        var expected = $"<{JsonSerializer.Deserialize<string>(json)}>";

        Assert.Equal(expected, cache.Get(Token(json)));
        Assert.Equal(expected, cache.Get(Token(json)));
    }

    [Fact]
    public void Texts_past_what_is_kept_and_long_ones_are_still_made_right()
    {
        var made = 0;
        var cache = new TextCache<string>(text => { made++; return text.ToUpperInvariant(); });
        var texts = Enumerable.Range(0, 200).Select(i => $"type-{i}").Append(new string('x', 100)).ToList();

        foreach (var text in texts.Concat(texts))
        {
            Assert.Equal(text.ToUpperInvariant(), cache.Get(Token(JsonSerializer.Serialize(text))));
        }

        Assert.Equal(2 * texts.Count - 64, made);
    }

    private static JsonToken Token(string json) => new(JsonTokenType.String, Encoding.UTF8.GetBytes(json));
}
