using System.Collections;

namespace TriageCI.Llm;

/// <summary>
/// Resolves the provider from the command line and the environment. Each setting takes the first of: the command-line
/// option; the <c>TRIAGE_LLM_*</c> variable; the provider's own variable (<see cref="ProviderDefaults"/>); the provider's
/// default. With no provider named, it is inferred: a base URL means an OpenAI-compatible server, else the first of
/// <c>OPENAI_API_KEY</c>, <c>ANTHROPIC_API_KEY</c>, <c>AZURE_OPENAI_ENDPOINT</c>, and inside GitHub Actions
/// <c>GITHUB_TOKEN</c> (GitHub Models: no secret to set up). Keys come only from a file or the environment.
/// </summary>
public static class ProviderResolver
{
    public const string ProviderVariable = "TRIAGE_LLM_PROVIDER";
    public const string ModelVariable = "TRIAGE_LLM_MODEL";
    public const string BaseUrlVariable = "TRIAGE_LLM_BASE_URL";
    public const string KeyFileVariable = "TRIAGE_LLM_API_KEY_FILE";
    public const string KeyVariable = "TRIAGE_LLM_API_KEY";

    /// <exception cref="ProviderConfigurationException">Something needed is missing or wrong; the message says what to set.</exception>
    public static ProviderSettings Resolve(ProviderRequest request, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        string? Env(string? name) => name is not null && environment[name] is string value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var baseUrl = Blank(request.BaseUrl) ?? Env(BaseUrlVariable);
        var kind = ProviderOf(Blank(request.Provider) ?? Env(ProviderVariable), baseUrl, Env);
        var defaults = ProviderDefaults.Of(kind);
        var model = Blank(request.Model) ?? Env(ModelVariable)
            ?? throw new ProviderConfigurationException($"no model: pass --model or set {ModelVariable}");

        var endpointText = baseUrl ?? Env(defaults.EndpointVariable) ?? defaults.DefaultEndpoint
            ?? throw new ProviderConfigurationException(kind == ProviderKind.AzureOpenAI
                ? "azure-openai needs the resource endpoint: set AZURE_OPENAI_ENDPOINT or pass --base-url"
                : $"{ProviderNames.IdOf(kind)} needs --base-url or {BaseUrlVariable}");
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new ProviderConfigurationException($"'{endpointText}' is not an http or https URL");
        }

        if (kind == ProviderKind.AzureOpenAI && !endpoint.AbsolutePath.TrimEnd('/').EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/openai/v1/");
        }

        var (key, source) = KeyOf(request, kind, defaults, Env);
        return new ProviderSettings(kind, model, endpoint, key, source);
    }

    private static ProviderKind ProviderOf(string? named, string? baseUrl, Func<string?, string?> env)
    {
        if (named is not null)
        {
            return ProviderNames.TryParse(named, out var kind)
                ? kind
                : throw new ProviderConfigurationException($"unknown provider '{named}' (one of {string.Join(", ", ProviderNames.All.Select(ProviderNames.IdOf))})");
        }

        if (baseUrl is not null)
        {
            return ProviderKind.OpenAICompatible;
        }

        if (env("OPENAI_API_KEY") is not null)
        {
            return ProviderKind.OpenAI;
        }

        if (env("ANTHROPIC_API_KEY") is not null)
        {
            return ProviderKind.Anthropic;
        }

        if (env("AZURE_OPENAI_ENDPOINT") is not null)
        {
            return ProviderKind.AzureOpenAI;
        }

        if (string.Equals(env("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase) && env("GITHUB_TOKEN") is not null)
        {
            return ProviderKind.GitHubModels;
        }

        throw new ProviderConfigurationException(
            $"no provider: pass --provider or set {ProviderVariable}, or set a provider key (OPENAI_API_KEY, ANTHROPIC_API_KEY, AZURE_OPENAI_ENDPOINT), or pass --base-url for an OpenAI-compatible server");
    }

    private static (string? Key, string Source) KeyOf(ProviderRequest request, ProviderKind kind, ProviderDefaults defaults, Func<string?, string?> env)
    {
        if (Blank(request.ApiKeyFile) is { } optionFile)
        {
            return (ReadKeyFile(optionFile), $"file {optionFile}");
        }

        if (env(KeyFileVariable) is { } variableFile)
        {
            return (ReadKeyFile(variableFile), $"file {variableFile} ({KeyFileVariable})");
        }

        if (env(KeyVariable) is { } key)
        {
            return (key, KeyVariable);
        }

        if (env(defaults.KeyVariable) is { } providerKey)
        {
            return (providerKey, defaults.KeyVariable!);
        }

        return kind == ProviderKind.OpenAICompatible
            ? (null, "nowhere: none needed")
            : throw new ProviderConfigurationException(
                $"{ProviderNames.IdOf(kind)} needs an API key: set {defaults.KeyVariable} or {KeyVariable}, or pass --api-key-file (keys are never taken from the command line)");
    }

    private static string ReadKeyFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProviderConfigurationException($"{path}: the API key file cannot be read ({ex.Message})", ex);
        }

        var key = text.Split('\n', 2)[0].Trim();
        return key.Length > 0 ? key : throw new ProviderConfigurationException($"{path}: the API key file is empty");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
