using System.Collections.Concurrent;
using System.Numerics;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Byte arrays for the parts of an upload handed from the thread that splits it to the threads that
/// read them. The shared array pool keeps an array on the thread that gives it back, so parts would
/// need new arrays again and again, each above the large-object threshold; these are kept for
/// whichever thread asks next.
/// </summary>
internal static class PartBuffers
{
    private const int MinLength = 128 * 1024;
    private const int MaxKept = 32;

    private static readonly ConcurrentBag<byte[]> Spare = [];

    public static byte[] Rent(int length)
    {
        while (Spare.TryTake(out var spare))
        {
            if (spare.Length >= length)
            {
                return spare;
            }
        }

        return GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, BitOperations.RoundUpToPowerOf2((uint)Math.Max(length, MinLength))));
    }

    public static void Return(byte[] array)
    {
        if (Spare.Count < MaxKept)
        {
            Spare.Add(array);
        }
    }
}
