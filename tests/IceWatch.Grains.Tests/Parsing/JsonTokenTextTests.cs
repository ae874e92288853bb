using System.Text;
using System.Text.Json;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>A string token's text, decoded from its bytes, is what the reader decodes.</summary>
public sealed class JsonTokenTextTests
{
    [Theory]
    [InlineData("\"succeeded\"")]
    [InlineData("\"\"")]
    [InlineData("\"a b ~ {}[]\"")]
    [InlineData("\"a\\\"b\\\\c\\/d\\n\"")]
    [InlineData("\"\\u0041\\u00e9\"")]
    [InlineData("\"é→\"")]
    [InlineData("\"\u007f\"")]
    public void A_string_reads_as_the_reader_reads_it(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();

        Assert.Equal(reader.GetString(), new JsonToken(JsonTokenType.String, bytes).Text());
        Assert.Equal(reader.GetString(), new JsonToken(JsonTokenType.PropertyName, bytes).Text());
    }

    [Fact]
    public void Random_strings_read_as_the_reader_reads_them()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(20)).Select(_ => (char)(i % 3 == 0 ? random.Next(0x20, 0x7f) : random.Next(0, 0x3000))).ToArray());
            var bytes = JsonSerializer.SerializeToUtf8Bytes(text);
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            Assert.Equal(reader.GetString(), new JsonToken(JsonTokenType.String, bytes).Text());
        }
    }
}
