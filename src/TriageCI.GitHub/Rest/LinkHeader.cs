namespace TriageCI.GitHub.Rest;

/// <summary>Reads the <c>Link</c> header GitHub pages lists with: <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>.</summary>
public static class LinkHeader
{
    /// <summary>The URL of relation <paramref name="rel"/> (e.g. <c>next</c>), or null.</summary>
    public static string? Find(IEnumerable<string> headerValues, string rel)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        foreach (var value in headerValues)
        {
            foreach (var link in value.Split(','))
            {
                var parts = link.Split(';', StringSplitOptions.TrimEntries);
                if (parts.Length < 2 || !parts[0].StartsWith('<') || !parts[0].EndsWith('>'))
                {
                    continue;
                }

                if (parts.Skip(1).Any(p => p.Replace(" ", string.Empty, StringComparison.Ordinal).Equals($"rel=\"{rel}\"", StringComparison.OrdinalIgnoreCase)))
                {
                    return parts[0][1..^1];
                }
            }
        }

        return null;
    }
}
