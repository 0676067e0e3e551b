namespace TriageCI.Llm;

/// <summary>The provider ids used on the command line and in <c>TRIAGE_LLM_PROVIDER</c>.</summary>
public static class ProviderNames
{
    public static IReadOnlyList<ProviderKind> All { get; } = Enum.GetValues<ProviderKind>();

    public static string IdOf(ProviderKind kind) => kind switch
    {
        ProviderKind.OpenAI => "openai",
        ProviderKind.AzureOpenAI => "azure-openai",
        ProviderKind.GitHubModels => "github-models",
        ProviderKind.OpenAICompatible => "openai-compatible",
        ProviderKind.Anthropic => "anthropic",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? id, out ProviderKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(IdOf(candidate), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
