namespace TriageCI.Llm;

/// <summary>A resolved provider configuration. <see cref="ToString"/> never shows the key.</summary>
/// <param name="Kind">The provider.</param>
/// <param name="Model">The model or deployment name.</param>
/// <param name="Endpoint">The base URL requests go to.</param>
/// <param name="ApiKey">The credential; null for an OpenAI-compatible server that needs none.</param>
/// <param name="KeySource">Where the key came from, in words (an environment variable's or a file's name), for messages.</param>
public sealed record ProviderSettings(ProviderKind Kind, string Model, Uri Endpoint, string? ApiKey, string KeySource)
{
    public string ProviderId => ProviderNames.IdOf(Kind);

    /// <summary>For the report and logs: provider, model and endpoint, never the key.</summary>
    public override string ToString() => $"{ProviderId} {Model} at {Endpoint} (key from {KeySource})";
}
