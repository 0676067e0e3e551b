namespace TriageCI.GitHub.Rest;

/// <summary>A repository as <c>owner/name</c>, e.g. from <c>GITHUB_REPOSITORY</c>.</summary>
public sealed record RepositoryName(string Owner, string Name)
{
    /// <exception cref="FormatException">The text is not <c>owner/name</c>.</exception>
    public static RepositoryName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        return parts is [{ Length: > 0 } owner, { Length: > 0 } name]
            ? new RepositoryName(owner, name)
            : throw new FormatException($"'{text}' is not a repository in the form owner/name");
    }

    /// <summary>The route prefix <c>/repos/{owner}/{repo}</c>, each part escaped.</summary>
    public string Route => $"/repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Name)}";

    public override string ToString() => $"{Owner}/{Name}";
}
