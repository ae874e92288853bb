using System.Text.RegularExpressions;

namespace IceWatch.Cli.Tests;

/// <summary>
/// The README's example blocks, found by the comment before each: <c>&lt;!-- walkthrough: NAME --&gt;</c>
/// before a command block, <c>&lt;!-- output: NAME --&gt;</c> before the output it shows.
/// </summary>
public sealed partial class Readme(string path)
{
    public string Path { get; } = path;

    public string Text { get; private set; } = File.ReadAllText(path);

    public string Command(string name) => Block("walkthrough", name).Content;

    public string Output(string name) => Block("output", name).Content;

    /// <summary>The command's words, as the shell would split them (line continuations joined).</summary>
    public IReadOnlyList<string> Words(string name) =>
        Command(name).Replace("\\\n", " ").Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

    public void WriteOutput(string name, string output)
    {
        var block = Block("output", name);
        Text = Text[..block.Start] + output + Text[(block.Start + block.Content.Length)..];
        File.WriteAllText(Path, Text);
    }

    private (int Start, string Content) Block(string kind, string name)
    {
        var match = BlockPattern().Matches(Text).FirstOrDefault(m => m.Groups["kind"].Value == kind && m.Groups["name"].Value == name)
            ?? throw new InvalidOperationException($"README.md has no <!-- {kind}: {name} --> block");
        return (match.Groups["content"].Index, match.Groups["content"].Value);
    }

    [GeneratedRegex(@"<!-- (?<kind>walkthrough|output): (?<name>[\w-]+) -->\n```\w*\n(?<content>(?:(?!```)[\s\S])*)```")]
    private static partial Regex BlockPattern();
}
