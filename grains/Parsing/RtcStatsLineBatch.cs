using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Lines of an rtcstats dump gathered for one <see cref="RtcStatsLineReader"/>, each with its
/// number and time, copied out of the read buffer into one pooled array so they can be read on
/// another thread.
/// </summary>
public sealed class RtcStatsLineBatch
{
    /// <summary>How many bytes of lines a batch gathers before it is worth handing over.</summary>
    public const int TargetBytes = 256 * 1024;

    private readonly List<(int Start, int Length, int Number, DateTimeOffset? Time)> lines = [];
    private byte[] bytes = [];

    public int Length { get; private set; }

    public void Add(ReadOnlySpan<byte> line, int number, DateTimeOffset? time)
    {
        if (Length + line.Length > bytes.Length)
        {
            var larger = PartBuffers.Rent(Math.Max(Math.Max(TargetBytes, bytes.Length * 2), Length + line.Length));
            bytes.AsSpan(0, Length).CopyTo(larger);
            GiveBack();
            bytes = larger;
        }

        line.CopyTo(bytes.AsSpan(Length));
        lines.Add((Length, line.Length, number, time));
        Length += line.Length;
    }

    /// <summary>Reads every line with <paramref name="reader"/> into <paramref name="output"/>, then gives the array back to the pool.</summary>
    public List<IceEvent> ReadWith(RtcStatsLineReader reader, UploadOutput output)
    {
        try
        {
            foreach (var (start, length, number, time) in lines)
            {
                reader.Read(bytes.AsSpan(start, length), number, time, output);
            }

            return output is EventBuffer buffer ? buffer.Events : [];
        }
        finally
        {
            GiveBack();
        }
    }

    private void GiveBack()
    {
        if (bytes.Length > 0)
        {
            PartBuffers.Return(bytes);
            bytes = [];
        }
    }
}
