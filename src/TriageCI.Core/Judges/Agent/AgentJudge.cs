using Microsoft.Extensions.AI;
using TriageCI.Core.Evidence;
using TriageCI.Core.Judges.Agent.Answers;
using TriageCI.Core.Judges.Agent.Budgets;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Core.Judges.Agent.Prompting;
using TriageCI.Core.Judges.Agent.Tools;
using TriageCI.Core.Judges.Agent.Transcripts;
using TriageCI.Core.Judges.Rules;
using TriageCI.Core.Probes;
using TriageCI.Core.Reports;
using TriageCI.Core.Runs;
using TriageCI.Core.Taxonomy;
using TriageCI.Core.Verdicts;

namespace TriageCI.Core.Judges.Agent;

/// <summary>
/// The agent judge of the AutoTriage method: a model investigates each failed trial with the tools its access mode
/// allows and answers with a schema-checked verdict citing evidence that is then checked. A task-defect verdict needs
/// an independent second sample to agree. When a budget runs out before an answer, the rules judge decides from the
/// probes' evidence and the verdict is marked budget-limited; an answer still invalid after one repair turn gives an
/// undetermined verdict with the reason. Thread-safe: each trial and sample has its own conversation.
/// </summary>
public sealed class AgentJudge : IJudge
{
    private readonly IJudgeChatSource _source;
    private readonly IReadOnlyList<IJudgeToolProvider> _tools;
    private readonly RunBudget _runBudget;
    private readonly AgentJudgeOptions _options;
    private readonly JudgePromptBuilder _prompts;
    private readonly RulesJudge _fallback = new();

    public AgentJudge(IJudgeChatSource source, IReadOnlyList<IJudgeToolProvider> tools, RunBudget runBudget, AgentJudgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(runBudget);
        var duplicate = tools.GroupBy(t => t.Mode).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"one tool provider per access mode; {duplicate.Key} has {duplicate.Count()}", nameof(tools));
        }

        _source = source;
        _tools = tools;
        _runBudget = runBudget;
        _options = options ?? new AgentJudgeOptions();
        _prompts = new JudgePromptBuilder(_options.Prompt);
    }

    public string Kind => _source.Kind;

    public async ValueTask<Verdict> JudgeAsync(TaskRun run, IReadOnlyList<EvidenceItem> evidence, TrialContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(context);
        var started = _options.Time.GetTimestamp();
        var first = await SampleAsync(run, evidence, context, 1, _options.Temperature, cancellationToken);
        var samples = new List<SampleResult> { first };
        var warnings = new List<string>(first.Warnings);
        var verdict = await VerdictOfAsync(first, run, evidence, context, warnings, cancellationToken);

        if (_options.ConfirmDefects && verdict.Category == FailureCategory.TaskDefect && first.Outcome.Answer is not null)
        {
            var second = await SampleAsync(run, evidence, context, 2, _options.ConfirmationTemperature, cancellationToken);
            samples.Add(second);
            warnings.AddRange(second.Warnings);
            verdict = Confirm(verdict, first.Outcome.Answer, second.Outcome);
        }

        var info = new JudgeInfo
        {
            Kind = Kind,
            Model = samples.Select(s => s.Outcome.Model).FirstOrDefault(m => m is not null) ?? _source.ModelId,
            AccessMode = samples.Max(s => s.Mode),
            Turns = samples.Sum(s => s.Meter.Turns),
            InputTokens = samples.Sum(s => s.Meter.InputTokens),
            OutputTokens = samples.Sum(s => s.Meter.OutputTokens),
            CostUsd = samples.Any(s => s.Meter.CostUsd is not null) ? samples.Sum(s => s.Meter.CostUsd ?? 0) : null,
            DurationSeconds = _options.Time.GetElapsedTime(started).TotalSeconds,
            BudgetLimited = samples.Any(s => s.Outcome.BudgetLimited),
        };

        if (_options.Transcripts is { } store)
        {
            try
            {
                await store.WriteAsync(new Transcript
                {
                    TrialId = run.TrialId,
                    TaskId = run.TaskId,
                    JudgeKind = Kind,
                    Model = info.Model,
                    AccessMode = info.AccessMode,
                    Samples = samples.Select(s => s.Transcript).ToList(),
                }, cancellationToken);
            }
            catch (ReportFileException ex)
            {
                warnings.Add($"the judge transcript was not saved: {ex.Message}");
            }
        }

        return verdict with { Judge = info, Warnings = [.. verdict.Warnings, .. warnings] };
    }

    private async Task<SampleResult> SampleAsync(TaskRun run, IReadOnlyList<EvidenceItem> evidence, TrialContext context, int sample, float temperature, CancellationToken cancellationToken)
    {
        var meter = new BudgetMeter(_options.TaskBudget, _runBudget, _options.Prices.PriceOf(_source.ModelId), _options.Time);
        var recorder = new TranscriptRecorder();
        var fence = UntrustedFence.Create();
        var warnings = new List<string>();
        var toolboxes = new List<JudgeToolbox>();
        try
        {
            foreach (var provider in _tools)
            {
                try
                {
                    if (await provider.OpenAsync(run, context, cancellationToken) is { } toolbox)
                    {
                        toolboxes.Add(toolbox);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    warnings.Add($"the {provider.Mode} tools could not be opened: {ex.Message}");
                }
            }

            var mode = toolboxes.Count == 0 ? AccessMode.LlmOnly : toolboxes.Max(t => t.Mode);
            var functions = toolboxes.SelectMany(t => t.Tools).ToList();
            var prompt = await _prompts.BuildAsync(run, evidence, fence, mode, functions.Select(f => f.Name).ToList(), _options.TaskBudget.Turns, cancellationToken);
            ConversationOutcome outcome;
            using (var client = await _source.OpenAsync(new JudgeSession(run, sample, meter, recorder), cancellationToken))
            {
                var chatOptions = new ChatOptions
                {
                    ModelId = _source.ModelId,
                    Temperature = temperature,
                    MaxOutputTokens = _options.MaxOutputTokensPerCall,
                };
                try
                {
                    outcome = await new JudgeConversation(client, meter, fence, functions, chatOptions).RunAsync(prompt, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    outcome = new ConversationOutcome { Ending = ConversationOutcome.Failed, Note = ex.Message };
                }
            }

            var commands = toolboxes.SelectMany(t => t.Commands).ToList();
            return new SampleResult(outcome, meter, mode, commands, warnings, recorder.ToSample(sample, outcome.Ending, outcome.Note));
        }
        finally
        {
            foreach (var toolbox in toolboxes)
            {
                await toolbox.DisposeAsync();
            }
        }
    }

    private async Task<Verdict> VerdictOfAsync(SampleResult sample, TaskRun run, IReadOnlyList<EvidenceItem> evidence, TrialContext context, List<string> warnings, CancellationToken cancellationToken)
    {
        var outcome = sample.Outcome;
        var info = new JudgeInfo { Kind = Kind };
        if (outcome.Answer is not { } answer)
        {
            if (outcome.Ending == ConversationOutcome.InvalidAnswer)
            {
                return Verdict.Undetermined(run, null, 0,
                    $"The model's answer was not a valid verdict after one repair turn: {outcome.Note}.", evidence.Take(RulesJudge.MaxEvidence).ToList(), info);
            }

            var rules = await _fallback.JudgeAsync(run, evidence, context, cancellationToken);
            var why = outcome.Ending == ConversationOutcome.BudgetExhausted
                ? $"The agent judge's budget ran out before it answered ({outcome.Note})"
                : $"The agent judge could not finish ({outcome.Note})";
            return rules with { Rationale = $"{why}; the rules judge decided from the probes' evidence. {rules.Rationale}" };
        }

        var (cited, problems) = await CitationChecker.CheckAsync(answer.Citations, run, evidence, new TrialFiles(run, context.Results), sample.Commands, cancellationToken);
        warnings.AddRange(problems);
        var items = cited.Concat(evidence.Except(cited)).Take(RulesJudge.MaxEvidence).ToList();
        if (answer.Class is not { } entry)
        {
            return Verdict.Undetermined(run, answer.Leaning, answer.Confidence, answer.Rationale, items, info);
        }

        return answer.Confidence < RulesJudge.DecisionThreshold
            ? Verdict.Undetermined(run, entry.Class, answer.Confidence, answer.Rationale, items, info)
            : Verdict.Classified(run, entry.Class, answer.Confidence, answer.Rationale, items, info);
    }

    /// <summary>A task defect stands only when an independent sample names the same class.</summary>
    private static Verdict Confirm(Verdict verdict, VerdictAnswer first, ConversationOutcome second)
    {
        if (second.Answer is { } answer && answer.ClassId == first.ClassId && answer.Confidence >= RulesJudge.DecisionThreshold)
        {
            return verdict with
            {
                Confidence = Math.Round((first.Confidence + answer.Confidence) / 2, 3),
                Rationale = $"{verdict.Rationale} Confirmed by an independent second sample.",
            };
        }

        var said = second.Answer is { } other
            ? $"answered {other.ClassId} with confidence {other.Confidence:0.00}"
            : $"gave no verdict ({second.Ending}{(second.Note is null ? string.Empty : $": {second.Note}")})";
        return verdict with
        {
            Category = FailureCategory.Undetermined,
            Subcategory = null,
            Leaning = verdict.Subcategory,
            Confidence = Math.Min(verdict.Confidence, RulesJudge.DecisionThreshold - 0.05),
            Rationale = $"{verdict.Rationale} Not confirmed: an independent second sample {said}, so this task defect is reported with low confidence.",
        };
    }

    private sealed record SampleResult(
        ConversationOutcome Outcome,
        BudgetMeter Meter,
        AccessMode Mode,
        IReadOnlyList<CommandRun> Commands,
        IReadOnlyList<string> Warnings,
        TranscriptSample Transcript);
}
