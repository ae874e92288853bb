namespace IceWatch.Cli;

/// <summary>A progress bar on standard error while a large file is read (only on a terminal).</summary>
public sealed class ProgressReporter : IDisposable
{
    private const long LargeFile = 16L << 20;
    private readonly long _length;
    private readonly string _name;
    private int _shown = -1;

    private ProgressReporter(Stream inner, string name)
    {
        _length = inner.Length;
        _name = name;
        Stream = _length >= LargeFile && !Console.IsErrorRedirected ? new ProgressStream(inner, Report) : inner;
    }

    public Stream Stream { get; }

    public static ProgressReporter For(FileStream stream, string name) => new(stream, name);

    private void Report(long position)
    {
        var percent = (int)(100 * position / Math.Max(1, _length));
        if (percent == _shown) return;
        _shown = percent;
        var bar = new string('#', percent / 4).PadRight(25);
        Console.Error.Write($"\r{Path.GetFileName(_name)} [{bar}] {percent,3}% {position >> 20}/{_length >> 20} MiB");
    }

    public void Dispose()
    {
        if (_shown >= 0) Console.Error.WriteLine();
    }
}
