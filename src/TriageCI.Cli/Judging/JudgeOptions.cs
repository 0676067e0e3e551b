using System.CommandLine;

namespace TriageCI.Cli.Judging;

/// <summary>
/// The judge options of <c>triage run</c>. There is deliberately no option for an API key: a command line is logged
/// and visible to other processes, so keys come from the environment or from <c>--api-key-file</c>.
/// </summary>
internal sealed class JudgeOptions
{
    public Option<string?> Judge { get; } = new("--judge")
    {
        Description = "rules, agent or replay. Default: replay with --replay, agent when a model is configured (--model or TRIAGE_LLM_MODEL), else rules. Also TRIAGE_JUDGE.",
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "openai, azure-openai, github-models, openai-compatible or anthropic. Default: TRIAGE_LLM_PROVIDER, else inferred from --base-url or the provider keys in the environment.",
    };

    public Option<string?> Model { get; } = new("--model")
    {
        Description = "The model (Azure: the deployment). Also TRIAGE_LLM_MODEL.",
    };

    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = "The endpoint, e.g. http://localhost:11434/v1 for Ollama. Also TRIAGE_LLM_BASE_URL, then the provider's own variable.",
    };

    public Option<string?> ApiKeyFile { get; } = new("--api-key-file")
    {
        Description = "A file whose first line is the API key. Otherwise TRIAGE_LLM_API_KEY_FILE, TRIAGE_LLM_API_KEY, then the provider's own variable.",
    };

    public Option<string?> TaskBudget { get; } = new("--task-budget")
    {
        Description = "Limits per judge conversation: turns, input-tokens, output-tokens, seconds, cost (USD, needs --price-table), e.g. turns=12,cost=0.25.",
    };

    public Option<string?> RunBudget { get; } = new("--run-budget")
    {
        Description = "Limits for the whole run, same keys as --task-budget. Default: none.",
    };

    public Option<string?> PriceTable { get; } = new("--price-table")
    {
        Description = "A JSON file of model prices in USD per million tokens, for cost figures and cost budgets.",
    };

    public Option<string?> Transcripts { get; } = new("--transcripts")
    {
        Description = "Where each judge conversation is saved, one file per trial. Default: transcripts/ in the output folder.",
    };

    public Option<string?> Replay { get; } = new("--replay")
    {
        Description = "Re-run the judge from the transcripts in this folder instead of a model.",
    };

    public IEnumerable<Option> All => [Judge, Provider, Model, BaseUrl, ApiKeyFile, TaskBudget, RunBudget, PriceTable, Transcripts, Replay];

    public JudgeRequest Read(ParseResult parse) => new()
    {
        Judge = parse.GetValue(Judge),
        Provider = parse.GetValue(Provider),
        Model = parse.GetValue(Model),
        BaseUrl = parse.GetValue(BaseUrl),
        ApiKeyFile = parse.GetValue(ApiKeyFile),
        TaskBudget = parse.GetValue(TaskBudget),
        RunBudget = parse.GetValue(RunBudget),
        PriceTable = parse.GetValue(PriceTable),
        Transcripts = parse.GetValue(Transcripts),
        Replay = parse.GetValue(Replay),
    };
}
