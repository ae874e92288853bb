namespace IceWatch.Cli;

public static class Usage
{
    public static int Print(TextWriter error)
    {
        error.WriteLine("usage: icewatch diagnose FILE|DIR... [--json]");
        error.WriteLine("  reads webrtc-internals dumps, rtcstats dumps and SDK reports (raw or gzip); in folders, the .json, .txt, .gz and .log files");
        error.WriteLine("  exit 0: every file diagnosed; 2: a file could not be read, a path does not exist, or nothing was diagnosed");
        return 2;
    }
}
