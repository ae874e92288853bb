namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// Finds a JSON <c>\u0000</c> escape in a byte stream fed in chunks. PostgreSQL cannot store U+0000 in
/// text or jsonb, so such a string would fail every processing attempt of its session; it is refused at
/// the door instead. An escaped backslash before <c>u0000</c> (an even run of backslashes) is plain text.
/// </summary>
public sealed class NulEscapeDetector
{
    private const string Tail = "u0000";
    private int _backslashes;
    private int _matched;

    public bool Found { get; private set; }

    public void Feed(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            if (Found) return;
            if (_matched > 0)
            {
                if (b == Tail[_matched])
                {
                    if (++_matched == Tail.Length) Found = true;
                    continue;
                }
                _matched = 0;
            }
            if (b == '\\')
            {
                _backslashes++;
                continue;
            }
            if (b == 'u' && _backslashes % 2 == 1) _matched = 1;
            _backslashes = 0;
        }
    }
}
