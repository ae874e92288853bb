using System.Text.Unicode;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Hands out the lines of a stream as UTF-8 bytes from one reused buffer (no string per line), so a
/// line-delimited dump is read with memory bounded by its longest line. Lines end at "\n" or "\r\n".
/// </summary>
public sealed class Utf8LineReader(Stream stream)
{
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private bool endOfStream;

    /// <summary>The next line without its line break, valid until the next call; false at the end.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var searched = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start + searched, end - start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Checked(buffer.AsSpan(start, searched + newline));
                start += searched + newline + 1;
                return true;
            }

            searched = end - start;
            if (endOfStream)
            {
                line = Checked(buffer.AsSpan(start, end - start));
                start = end;
                return searched > 0;
            }

            Fill();
        }
    }

    private static ReadOnlySpan<byte> Checked(ReadOnlySpan<byte> line)
    {
        if (!Utf8.IsValid(line))
        {
            throw new UploadFormatException("expected UTF-8 text in the upload");
        }

        return line.EndsWith((byte)'\r') ? line[..^1] : line;
    }

    private void Fill()
    {
        // Room is made at the front only once the back is full, so each byte moves at most once.
        if (end == buffer.Length && start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            if (buffer.Length >= UploadLimits.MaxValueBytes)
            {
                throw new UploadFormatException($"expected no line longer than {UploadLimits.MaxValueBytes / (1024 * 1024)} MB");
            }

            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        endOfStream = read == 0;
        end += read;
    }
}
