namespace TriageCI.Llm;

/// <summary>Where each provider takes its key and endpoint from when the command line and <c>TRIAGE_LLM_*</c> do not say.</summary>
/// <param name="Kind">The provider.</param>
/// <param name="KeyVariable">The provider's own key variable; null when a key is optional.</param>
/// <param name="EndpointVariable">The provider's own endpoint variable, if it has one.</param>
/// <param name="DefaultEndpoint">The endpoint when nothing else names one; null when one must be given.</param>
/// <param name="Note">What else to know, for the docs.</param>
public sealed record ProviderDefaults(ProviderKind Kind, string? KeyVariable, string? EndpointVariable, string? DefaultEndpoint, string Note)
{
    public static IReadOnlyList<ProviderDefaults> All { get; } =
    [
        new(ProviderKind.OpenAI, "OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1",
            "official OpenAI SDK"),
        new(ProviderKind.AzureOpenAI, "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", null,
            "the resource endpoint; requests go to its v1 API, `{endpoint}/openai/v1/`; the model is the deployment name"),
        new(ProviderKind.GitHubModels, "GITHUB_TOKEN", null, "https://models.github.ai/inference",
            "the workflow's own token works (`permissions: models: read`); models are named `publisher/model`, e.g. `openai/gpt-4.1`"),
        new(ProviderKind.OpenAICompatible, null, null, null,
            "Ollama (`http://localhost:11434/v1`), vLLM, llama.cpp, LiteLLM; a key only if the server wants one (`TRIAGE_LLM_API_KEY`)"),
        new(ProviderKind.Anthropic, "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "https://api.anthropic.com",
            "official Anthropic SDK and its `IChatClient`"),
    ];

    public static ProviderDefaults Of(ProviderKind kind) => All.Single(d => d.Kind == kind);
}
