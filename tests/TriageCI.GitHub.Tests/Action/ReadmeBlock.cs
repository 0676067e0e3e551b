using System.Text.RegularExpressions;

namespace TriageCI.GitHub.Tests.Action;

/// <summary>
/// A generated block of README.md, between <c>&lt;!-- generated:name --&gt;</c> and <c>&lt;!-- /generated:name --&gt;</c>
/// (the same convention as the CLI's README tests); a drifted block fails with the text to paste.
/// </summary>
internal static class ReadmeBlock
{
    public static void AssertEqual(string name, string expected)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var match = Regex.Match(readme, $"<!-- generated:{Regex.Escape(name)} -->\n(?<body>.*?)<!-- /generated:{Regex.Escape(name)} -->", RegexOptions.Singleline);
        if (!match.Success || match.Groups["body"].Value != expected)
        {
            Assert.Fail($"README.md block '{name}' is {(match.Success ? "out of date" : "missing")}. It should read:\n<!-- generated:{name} -->\n{expected}<!-- /generated:{name} -->");
        }
    }
}
