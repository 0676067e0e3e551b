namespace TriageCI.GitHub.Rendering;

/// <summary>Where the whole report is: the workflow run's page (job summary) and its artifacts.</summary>
public sealed record PrCommentLinks(string? SummaryUrl, string? ArtifactUrl)
{
    public static PrCommentLinks None { get; } = new(null, null);

    /// <summary>Links for a workflow run page; only http(s) URLs, with characters that could end a markdown link escaped.</summary>
    public static PrCommentLinks ForRun(string? runUrl) =>
        runUrl is null ? None : new PrCommentLinks(Safe(runUrl), Safe(runUrl + "#artifacts"));

    public static string? Safe(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);
    }
}
