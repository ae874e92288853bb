namespace IceWatch.Cli;

/// <summary>A file inside a folder that diagnose left out, and why.</summary>
public sealed record SkippedFile(string Path, string Reason)
{
    public const string ExpectedResults = "expected results, not a recording";
    public const string OtherExtension = "not a .json, .txt, .gz or .log file";
}
