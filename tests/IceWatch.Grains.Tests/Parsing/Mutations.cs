namespace IceWatch.Grains.Tests.Parsing;

/// <summary>Inputs a byte away from a good one, or cut short, for holding a scanner to the reader; the same every run.</summary>
internal static class Mutations
{
    private static readonly byte[] Replacements = [.. "\"\\/,:{}[]0123456789.-+eEtrufalsn \t\r\nbx"u8, 0, 0x1f, 0x7f, 0x80, 0xc3, 0xff];

    /// <summary>The input with one byte replaced by one that matters to JSON, <paramref name="count"/> times.</summary>
    public static IEnumerable<byte[]> Changed(byte[] original, int count = 4000)
    {
        var random = new Random(20261207);
        for (var i = 0; i < count; i++)
        {
            var changed = (byte[])original.Clone();
            changed[random.Next(changed.Length)] = Replacements[random.Next(Replacements.Length)];
            yield return changed;
        }
    }

    /// <summary>The input cut short at every length.</summary>
    public static IEnumerable<byte[]> Cut(byte[] original) => Enumerable.Range(0, original.Length).Select(length => original[..length]);
}
