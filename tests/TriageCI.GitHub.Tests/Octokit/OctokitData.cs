namespace TriageCI.GitHub.Tests.Octokit;

/// <summary>
/// GitHub's own published material, from the npm registry (<c>@octokit/openapi</c>, <c>@octokit/fixtures</c>,
/// <c>@octokit/webhooks-examples</c>), installed into <c>tests/TriageCI.GitHub.Tests/octokit/node_modules</c> by
/// <c>tests/run.sh</c> (<c>npm ci</c>, versions pinned by the committed lock file).
/// </summary>
internal static class OctokitData
{
    public static string Root => Path.Combine(RepositoryPaths.Root, "tests", "TriageCI.GitHub.Tests", "octokit", "node_modules", "@octokit");

    public static string PathOf(string relative)
    {
        var path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: GitHub's npm data packages are not installed. Run tests/run.sh, or 'npm ci' in tests/TriageCI.GitHub.Tests/octokit.");
    }
}
