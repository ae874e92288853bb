using System.Globalization;
using System.Text;
using System.Text.Json;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>Numbers are read from their bytes without a reader, to the values and refusals Utf8JsonReader gives.</summary>
public sealed class JsonTokenNumberTests
{
    public static TheoryData<string> Numbers() =>
    [
        "0", "-0", "1", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "1.5", "1e3", "1E+3", "2e-0", "1.0", "1795328165670.326", "1.7976931348623157e308", "1e309", "-1e309", "1e-400",
        "5e-324", "123456789012345678901234567890", "0.00037099999999999996", "-1.5e-3", "100000000000000000000e-10",
    ];

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_reads_as_the_reader_reads_it(string number) => AssertAsReader(number);

    [Fact]
    public void Random_numbers_read_as_the_reader_reads_them()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 20000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            var text = i % 3 == 0 ? random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture)
                : double.IsFinite(value) ? value.ToString(i % 2 == 0 ? "R" : "E10", CultureInfo.InvariantCulture) : "1";
            AssertAsReader(text);
        }
    }

    private static void AssertAsReader(string number)
    {
        var bytes = Encoding.UTF8.GetBytes(number);
        var reader = new Utf8JsonReader(bytes);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.Number, reader.TokenType);
        var token = new JsonToken(JsonTokenType.Number, bytes);

        Assert.Equal((reader.TryGetInt64(out var readLong), readLong), (token.TryGetInt64(out var tokenLong), tokenLong));
        Assert.Equal((reader.TryGetDouble(out var readDouble), BitConverter.DoubleToInt64Bits(readDouble)),
            (token.TryGetDouble(out var tokenDouble), BitConverter.DoubleToInt64Bits(tokenDouble)));
    }
}
