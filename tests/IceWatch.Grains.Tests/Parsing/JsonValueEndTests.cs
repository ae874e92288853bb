using System.Text;
using System.Text.Json;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>The bracket scanner that splits dumps finds where a value ends as a reader does, however the text arrives.</summary>
public sealed class JsonValueEndTests
{
    [Fact]
    public void A_value_ends_where_the_reader_ends_it_whatever_its_strings_hold_and_however_the_text_arrives()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 3000; i++)
        {
            var value = Value(random, depth: 0);
            var text = Encoding.UTF8.GetBytes($" :\n {value} , \"next\": [1]");
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value));
            reader.Read();
            reader.Skip();

            var scan = new JsonValueEnd();
            var length = 0;
            var result = JsonValueEnd.Result.NeedMore;
            while (result == JsonValueEnd.Result.NeedMore && length < text.Length)
            {
                length = Math.Min(text.Length, length + 1 + random.Next(i % 2 == 0 ? 8 : 80));
                result = scan.Scan(text.AsSpan(0, length));
            }

            Assert.Equal(JsonValueEnd.Result.Found, result);
            Assert.Equal((3, (int)reader.BytesConsumed), (scan.ValueStart - 1, scan.Length));
        }
    }

    [Theory]
    [InlineData("{\"a\":[}]")]
    [InlineData("[{]}")]
    [InlineData("1")]
    public void Brackets_that_do_not_pair_or_a_value_that_is_no_object_or_array_give_no_answer(string text) =>
        Assert.Equal(JsonValueEnd.Result.NoAnswer, new JsonValueEnd().Scan(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Nesting_over_64_levels_gives_no_answer() =>
        Assert.Equal(JsonValueEnd.Result.NoAnswer, new JsonValueEnd().Scan(Encoding.UTF8.GetBytes(new string('[', 65) + new string(']', 65))));

    // A random object or array whose strings are full of brackets, quotes and backslashes.
    private static string Value(Random random, int depth)
    {
        var count = random.Next(depth == 0 ? 1 : 0, 6);
        var isObject = random.Next(2) == 0;
        var items = Enumerable.Range(0, count).Select(_ =>
        {
            var item = depth < 6 && random.Next(3) == 0 ? Value(random, depth + 1) : random.Next(2) == 0 ? Text(random) : random.Next(1000).ToString();
            return isObject ? $"{Text(random)}:{item}" : item;
        });
        return isObject ? $"{{{string.Join(',', items)}}}" : $"[{string.Join(", ", items)}]";
    }

    private static string Text(Random random)
    {
        const string Tricky = "ab{}[]\"\\ :,";
        var chars = Enumerable.Range(0, random.Next(0, 40)).Select(_ => Tricky[random.Next(Tricky.Length)]).ToArray();
        return JsonSerializer.Serialize(new string(chars));
    }
}
