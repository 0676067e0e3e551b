namespace TriageCI.Llm;

/// <summary>What the command line said about the provider. There is no key here: keys come only from the environment or a file.</summary>
public sealed record ProviderRequest
{
    public string? Provider { get; init; }

    public string? Model { get; init; }

    public string? BaseUrl { get; init; }

    /// <summary>A file holding the API key (first line, trimmed).</summary>
    public string? ApiKeyFile { get; init; }
}
