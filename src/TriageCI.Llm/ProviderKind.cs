namespace TriageCI.Llm;

/// <summary>The model providers TriageCI speaks to.</summary>
public enum ProviderKind
{
    /// <summary>api.openai.com through the official OpenAI SDK.</summary>
    OpenAI,

    /// <summary>An Azure OpenAI resource's v1 API (<c>{endpoint}/openai/v1/</c>), through the OpenAI SDK; the model is the deployment name.</summary>
    AzureOpenAI,

    /// <summary>GitHub Models (<c>models.github.ai/inference</c>), OpenAI-compatible, authenticated with a GitHub token such as the workflow's own.</summary>
    GitHubModels,

    /// <summary>Any server that speaks the OpenAI chat-completions API at a base URL: Ollama, vLLM, llama.cpp, LiteLLM.</summary>
    OpenAICompatible,

    /// <summary>Anthropic's Messages API through the official Anthropic SDK.</summary>
    Anthropic,
}
