using System.Collections;
using TriageCI.Core.Judges.Agent;
using TriageCI.Core.Judges.Agent.Budgets;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Core.Judges.Agent.Tools;
using TriageCI.Core.Judges.Agent.Transcripts;
using TriageCI.Core.Judges.Rules;
using TriageCI.Llm;

namespace TriageCI.Cli.Judging;

/// <summary>
/// Builds the judge a run asked for. The kind is the first of: <c>--judge</c>; <c>TRIAGE_JUDGE</c>; <c>replay</c> when
/// <c>--replay</c> is given; <c>agent</c> when a model is configured; <c>rules</c>.
/// </summary>
internal static class JudgeFactory
{
    public const string JudgeVariable = "TRIAGE_JUDGE";
    public const string TranscriptsFolder = "transcripts";

    /// <summary>The tools of each access mode the agent judge can have.</summary>
    public static IReadOnlyList<IJudgeToolProvider> ToolProviders { get; } = [new ArtifactToolProvider()];

    /// <exception cref="JudgeConfigurationException">The options or the environment do not make a judge; the message says why.</exception>
    public static JudgeSetup Create(JudgeRequest request, string outputFolder, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        var kind = KindOf(request, environment);
        if (kind == "rules")
        {
            return new JudgeSetup(new RulesJudge(), "rules");
        }

        BudgetLimits taskLimits, runLimits;
        PriceTable prices;
        try
        {
            taskLimits = BudgetLimits.Parse(request.TaskBudget, BudgetLimits.TaskDefault);
            runLimits = BudgetLimits.Parse(request.RunBudget, BudgetLimits.None);
            prices = request.PriceTable is { } table ? PriceTable.Load(table) : PriceTable.Empty;
        }
        catch (FormatException ex)
        {
            throw new JudgeConfigurationException(ex.Message, ex);
        }

        var transcripts = new TranscriptStore(request.Transcripts ?? Path.Combine(outputFolder, TranscriptsFolder));
        IJudgeChatSource source;
        IDisposable? owned = null;
        string what;
        if (kind == "replay")
        {
            var folder = request.Replay ?? throw new JudgeConfigurationException("--judge replay needs --replay <folder of transcripts>");
            if (!Directory.Exists(folder))
            {
                throw new JudgeConfigurationException($"{folder}: no such folder of transcripts");
            }

            source = new ReplayChatSource(new TranscriptStore(folder));
            what = $"replay of {folder}";
        }
        else
        {
            ProviderSettings settings;
            try
            {
                settings = ProviderResolver.Resolve(new ProviderRequest
                {
                    Provider = request.Provider,
                    Model = request.Model,
                    BaseUrl = request.BaseUrl,
                    ApiKeyFile = request.ApiKeyFile,
                }, environment);
            }
            catch (ProviderConfigurationException ex)
            {
                throw new JudgeConfigurationException(ex.Message, ex);
            }

            if ((taskLimits.CostUsd is not null || runLimits.CostUsd is not null) && prices.PriceOf(settings.Model) is null)
            {
                throw new JudgeConfigurationException($"a cost budget needs the price of '{settings.Model}': pass --price-table with an entry for it");
            }

            var redactor = SecretRedactor.FromEnvironment(environment, [settings.ApiKey]);
            var model = new ModelChatSource(ChatClientFactory.Create(settings), settings.Model, redactor);
            source = model;
            owned = model;
            what = $"{settings.ProviderId} {settings.Model} at {settings.Endpoint.GetLeftPart(UriPartial.Path)}";
        }

        var judge = new AgentJudge(source, ToolProviders, new RunBudget(runLimits), new AgentJudgeOptions
        {
            TaskBudget = taskLimits,
            Prices = prices,
            Transcripts = transcripts,
        });
        return new JudgeSetup(judge, $"{kind}: {what}; task budget {taskLimits}; run budget {runLimits}; task defects confirmed by a second sample", owned);
    }

    private static string KindOf(JudgeRequest request, IDictionary environment)
    {
        var named = request.Judge ?? environment[JudgeVariable] as string;
        if (!string.IsNullOrWhiteSpace(named))
        {
            var kind = named.Trim().ToLowerInvariant();
            return kind is "rules" or "agent" or "replay"
                ? kind
                : throw new JudgeConfigurationException($"unknown judge '{named}' (rules, agent or replay)");
        }

        if (request.Replay is not null)
        {
            return "replay";
        }

        return request.Model is not null || environment[ProviderResolver.ModelVariable] is string { Length: > 0 } ? "agent" : "rules";
    }
}
