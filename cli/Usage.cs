namespace IceWatch.Cli;

public static class Usage
{
    public static int Print(TextWriter error)
    {
        error.WriteLine("usage: icewatch diagnose FILE|DIR... [--json]");
        return 2;
    }
}
