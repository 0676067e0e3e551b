using TriageCI.Testing;

namespace TriageCI.Llm.Tests.Providers;

/// <summary>Which provider, model, endpoint and key a run gets from its options and environment, and in what order.</summary>
public class ProviderResolverTests
{
    private static ProviderSettings Resolve(ProviderRequest request, params (string Name, string Value)[] environment) =>
        ProviderResolver.Resolve(request, environment.ToDictionary(e => e.Name, e => e.Value));

    [Fact]
    public void Options_beat_the_TRIAGE_LLM_variables_which_beat_the_provider_s_own()
    {
        var settings = Resolve(new ProviderRequest { Provider = "openai", Model = "gpt-4.1", BaseUrl = "http://option.test/v1" },
            ("TRIAGE_LLM_PROVIDER", "anthropic"), ("TRIAGE_LLM_MODEL", "claude"), ("TRIAGE_LLM_BASE_URL", "http://variable.test/v1"),
            ("OPENAI_BASE_URL", "http://provider.test/v1"), ("OPENAI_API_KEY", "sk-openai"), ("ANTHROPIC_API_KEY", "sk-ant"));

        Assert.Equal(ProviderKind.OpenAI, settings.Kind);
        Assert.Equal("gpt-4.1", settings.Model);
        Assert.Equal(new Uri("http://option.test/v1"), settings.Endpoint);

        var fromVariables = Resolve(new ProviderRequest(),
            ("TRIAGE_LLM_PROVIDER", "openai"), ("TRIAGE_LLM_MODEL", "gpt-4o-mini"), ("TRIAGE_LLM_BASE_URL", "http://variable.test/v1"),
            ("OPENAI_BASE_URL", "http://provider.test/v1"), ("OPENAI_API_KEY", "sk-openai"));

        Assert.Equal(ProviderKind.OpenAI, fromVariables.Kind);
        Assert.Equal("gpt-4o-mini", fromVariables.Model);
        Assert.Equal(new Uri("http://variable.test/v1"), fromVariables.Endpoint);

        var fromProvider = Resolve(new ProviderRequest { Provider = "openai", Model = "m" }, ("OPENAI_BASE_URL", "http://provider.test/v1"), ("OPENAI_API_KEY", "sk-openai"));

        Assert.Equal(new Uri("http://provider.test/v1"), fromProvider.Endpoint);
        Assert.Equal(new Uri("https://api.openai.com/v1"), Resolve(new ProviderRequest { Provider = "openai", Model = "m" }, ("OPENAI_API_KEY", "k")).Endpoint);
    }

    [Theory]
    [InlineData("OPENAI_API_KEY", ProviderKind.OpenAI)]
    [InlineData("ANTHROPIC_API_KEY", ProviderKind.Anthropic)]
    public void With_no_provider_named_a_provider_key_in_the_environment_chooses_it(string variable, ProviderKind expected)
    {
        var settings = Resolve(new ProviderRequest { Model = "m" }, (variable, "the-key"), ("GITHUB_ACTIONS", "true"), ("GITHUB_TOKEN", "ghs_workflow"));

        Assert.Equal(expected, settings.Kind);
        Assert.Equal("the-key", settings.ApiKey);
        Assert.Equal(variable, settings.KeySource);
    }

    [Fact]
    public void A_base_url_with_no_provider_named_is_an_OpenAI_compatible_server_that_needs_no_key()
    {
        var settings = Resolve(new ProviderRequest { Model = "llama3.1", BaseUrl = "http://localhost:11434/v1" }, ("OPENAI_API_KEY", "sk-openai"));

        Assert.Equal(ProviderKind.OpenAICompatible, settings.Kind);
        Assert.Null(settings.ApiKey);
    }

    [Fact]
    public void Inside_GitHub_Actions_the_workflow_token_selects_GitHub_Models_with_no_secret_to_set_up()
    {
        var settings = Resolve(new ProviderRequest(), ("GITHUB_ACTIONS", "true"), ("GITHUB_TOKEN", "ghs_workflow"), ("TRIAGE_LLM_MODEL", "openai/gpt-4.1"));

        Assert.Equal(ProviderKind.GitHubModels, settings.Kind);
        Assert.Equal(new Uri("https://models.github.ai/inference"), settings.Endpoint);
        Assert.Equal("ghs_workflow", settings.ApiKey);
        Assert.Equal("GITHUB_TOKEN", settings.KeySource);
    }

    [Fact]
    public void Outside_GitHub_Actions_a_GITHUB_TOKEN_alone_chooses_no_provider_and_the_message_says_what_to_set()
    {
        var failure = Assert.Throws<ProviderConfigurationException>(() => Resolve(new ProviderRequest { Model = "m" }, ("GITHUB_TOKEN", "ghp_personal")));

        Assert.Contains("--provider", failure.Message, StringComparison.Ordinal);
        Assert.Contains("TRIAGE_LLM_PROVIDER", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_come_from_the_key_file_option_then_the_key_file_variable_then_TRIAGE_LLM_API_KEY_then_the_provider_s_variable()
    {
        using var folder = new TempFolder();
        var optionFile = folder.Write("option.key", "  key-from-option-file  \nsecond line ignored\n");
        var variableFile = folder.Write("variable.key", "key-from-variable-file\n");
        (string, string)[] environment = [("TRIAGE_LLM_API_KEY_FILE", variableFile), ("TRIAGE_LLM_API_KEY", "key-from-variable"), ("OPENAI_API_KEY", "key-from-provider")];
        var request = new ProviderRequest { Provider = "openai", Model = "m" };

        Assert.Equal("key-from-option-file", Resolve(request with { ApiKeyFile = optionFile }, environment).ApiKey);
        Assert.Equal("key-from-variable-file", Resolve(request, environment).ApiKey);
        Assert.Equal("key-from-variable", Resolve(request, environment[1..]).ApiKey);
        Assert.Equal("key-from-provider", Resolve(request, environment[2..]).ApiKey);
    }

    [Fact]
    public void A_missing_or_empty_key_file_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        var empty = folder.Write("empty.key", "\n");
        var missing = Path.Combine(folder.Path, "missing.key");
        var request = new ProviderRequest { Provider = "openai", Model = "m" };

        Assert.Equal($"{empty}: the API key file is empty", Assert.Throws<ProviderConfigurationException>(() => Resolve(request with { ApiKeyFile = empty })).Message);
        Assert.StartsWith($"{missing}: the API key file cannot be read", Assert.Throws<ProviderConfigurationException>(() => Resolve(request with { ApiKeyFile = missing })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai", "OPENAI_API_KEY")]
    [InlineData("anthropic", "ANTHROPIC_API_KEY")]
    [InlineData("github-models", "GITHUB_TOKEN")]
    public void A_provider_without_a_key_says_where_to_put_one_and_never_offers_the_command_line(string provider, string variable)
    {
        var failure = Assert.Throws<ProviderConfigurationException>(() => Resolve(new ProviderRequest { Provider = provider, Model = "m" }));

        Assert.Contains(variable, failure.Message, StringComparison.Ordinal);
        Assert.Contains("--api-key-file", failure.Message, StringComparison.Ordinal);
        Assert.Contains("never taken from the command line", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_needs_its_resource_endpoint_and_sends_to_its_v1_API()
    {
        Assert.Contains("AZURE_OPENAI_ENDPOINT", Assert.Throws<ProviderConfigurationException>(
            () => Resolve(new ProviderRequest { Provider = "azure-openai", Model = "deployment" }, ("AZURE_OPENAI_API_KEY", "k"))).Message, StringComparison.Ordinal);

        var settings = Resolve(new ProviderRequest { Model = "deployment" }, ("AZURE_OPENAI_ENDPOINT", "https://contoso.openai.azure.com"), ("AZURE_OPENAI_API_KEY", "k"));

        Assert.Equal(ProviderKind.AzureOpenAI, settings.Kind);
        Assert.Equal(new Uri("https://contoso.openai.azure.com/openai/v1/"), settings.Endpoint);
    }

    [Fact]
    public void Wrong_settings_are_refused_with_what_is_wrong()
    {
        Assert.Equal("no model: pass --model or set TRIAGE_LLM_MODEL",
            Assert.Throws<ProviderConfigurationException>(() => Resolve(new ProviderRequest { Provider = "openai" }, ("OPENAI_API_KEY", "k"))).Message);
        Assert.Equal("unknown provider 'gemini' (one of openai, azure-openai, github-models, openai-compatible, anthropic)",
            Assert.Throws<ProviderConfigurationException>(() => Resolve(new ProviderRequest { Provider = "gemini", Model = "m" })).Message);
        Assert.Equal("'ftp://models.test' is not an http or https URL",
            Assert.Throws<ProviderConfigurationException>(() => Resolve(new ProviderRequest { Model = "m", BaseUrl = "ftp://models.test" })).Message);
        Assert.Equal("openai-compatible needs --base-url or TRIAGE_LLM_BASE_URL",
            Assert.Throws<ProviderConfigurationException>(() => Resolve(new ProviderRequest { Provider = "openai-compatible", Model = "m" })).Message);
    }

    [Fact]
    public void The_settings_describe_themselves_without_the_key()
    {
        var settings = Resolve(new ProviderRequest { Provider = "anthropic", Model = "claude-sonnet-4-5" }, ("ANTHROPIC_API_KEY", "sk-ant-secret-value"));

        Assert.Equal("anthropic claude-sonnet-4-5 at https://api.anthropic.com/ (key from ANTHROPIC_API_KEY)", settings.ToString());
    }
}
