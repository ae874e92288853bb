namespace IceWatch.Cli.Tests;

/// <summary>
/// The README's diagnose sample is what the real command prints: the native icewatch-cli, as
/// `./icewatch diagnose` publishes it, run from the repository with the README's own arguments.
/// ICEWATCH_WRITE_README=1 rewrites the sample.
/// </summary>
[Collection(NativeCliCollection.Name)]
public sealed class ReadmeTests(NativeCli cli)
{
    [Fact]
    public void The_readme_shows_what_diagnose_really_prints_for_its_example()
    {
        var readme = new Readme(Path.Combine(DiagnoseCommandTests.RepoRoot(), "README.md"));
        var words = readme.Words("diagnose");
        Assert.Equal(["./icewatch", "diagnose"], words.Take(2));

        var (exit, output, error) = cli.Command(words.Skip(1));

        Assert.True(exit == 0, error);
        if (Environment.GetEnvironmentVariable("ICEWATCH_WRITE_README") == "1") readme.WriteOutput("diagnose", output);
        Assert.True(readme.Output("diagnose") == output,
            "README.md's diagnose sample differs from the command's output; rerun with ICEWATCH_WRITE_README=1 to rewrite it.\n" + output);
    }

    [Fact]
    public void Every_walkthrough_command_of_the_readme_that_shows_an_output_is_followed_by_it()
    {
        var readme = new Readme(Path.Combine(DiagnoseCommandTests.RepoRoot(), "README.md"));

        foreach (var name in new[] { "upload-dump", "upload-gzip", "upload-sdk", "read", "diagnose" })
        {
            Assert.False(string.IsNullOrWhiteSpace(readme.Command(name)), name);
            Assert.False(string.IsNullOrWhiteSpace(readme.Output(name)), name);
        }
        Assert.Contains("python3 tools/page-listener.py", readme.Command("listen"));
        Assert.Contains("/v1/notification-targets", readme.Command("page"));
    }
}
