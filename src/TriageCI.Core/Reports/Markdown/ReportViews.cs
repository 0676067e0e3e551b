using System.Globalization;
using TriageCI.Core.Evidence;
using TriageCI.Core.IO;
using TriageCI.Core.Reports.Rerun;
using TriageCI.Core.Taxonomy;
using TriageCI.Core.Verdicts;

namespace TriageCI.Core.Reports.Markdown;

/// <summary>Builds the view models the markdown templates render, so that templates stay free of logic.</summary>
public static class ReportViews
{
    /// <summary>Evidence excerpts are capped in markdown; the JSON report keeps them whole.</summary>
    public const int MaxExcerptChars = 1500;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static SummaryView Summary(TriageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var score = report.Score;
        var failed = score.Failed;
        var verdicts = report.Verdicts.OrderBy(ClassOrder).ThenBy(v => v.TaskId, StringComparer.Ordinal).ThenBy(v => v.TrialId, StringComparer.Ordinal).ToList();
        var rerun = RerunList.From(report);
        return new SummaryView
        {
            Run = Run(report),
            GeneratedAt = GeneratedAt(report),
            Tool = Tool(report),
            TaxonomyVersion = report.TaxonomyVersion,
            Judge = report.Judge,
            Score = Score(score),
            Categories = Enum.GetValues<FailureCategory>().Select(c => Category(c, CountOf(score, c), failed)).ToList(),
            Classes = report.Counts
                .Where(c => c.Count > 0)
                .OrderBy(c => c.Subcategory is { } s ? (int)s : int.MaxValue)
                .Select(c => new ClassView
                {
                    Id = c.Id,
                    Category = FailureTaxonomy.DisplayName(c.Category),
                    Name = c.Name,
                    Count = c.Count,
                    Percent = Percent(c.Count, failed),
                })
                .ToList(),
            TaskDefects = Of(verdicts, FailureCategory.TaskDefect),
            Infrastructure = Of(verdicts, FailureCategory.Infrastructure),
            Rerun = new RerunView { TaskIds = rerun.TaskIds, Trials = rerun.Trials, Command = rerun.TaskIds.Count > 0 ? rerun.Command.Command : null, Notes = rerun.Command.Notes },
            AgentErrors = Of(verdicts, FailureCategory.AgentError),
            Undetermined = Of(verdicts, FailureCategory.Undetermined),
            Unreadable = report.Unreadable
                .OrderBy(u => u.TrialId, StringComparer.Ordinal)
                .Select(u => new UnreadableView { TrialId = u.TrialId, Path = u.Path, Problem = u.Problem })
                .ToList(),
            Cost = Cost(report.Cost),
            HasFailures = report.Verdicts.Count > 0 || report.Unreadable.Count > 0,
        };
    }

    /// <summary>One view per task with at least one task-defect verdict, ordered by task id.</summary>
    public static IReadOnlyList<DefectIssueView> DefectIssues(TriageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Verdicts
            .Where(v => v.Category == FailureCategory.TaskDefect && v.Subcategory is not null)
            .GroupBy(v => v.TaskId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(task =>
            {
                var entry = FailureTaxonomy.Of(task
                    .GroupBy(v => v.Subcategory!.Value)
                    .OrderByDescending(g => g.Count())
                    .ThenBy(g => g.Key)
                    .First().Key);
                var count = task.Count();
                return new DefectIssueView
                {
                    TaskId = task.Key,
                    ClassId = entry.Id,
                    ClassName = entry.Name,
                    Definition = entry.Definition,
                    Trials = count == 1 ? "1 trial" : $"{count} trials",
                    Verdicts = task.OrderBy(v => v.TrialId, StringComparer.Ordinal).Select(Verdict).ToList(),
                    Reproduce = $"triage reproduce {Json.TriageReportJson.FileName} {ShellQuote.Word(task.Key)}",
                    Run = Run(report),
                    GeneratedAt = GeneratedAt(report),
                    Tool = Tool(report),
                };
            })
            .ToList();
    }

    public static VerdictView Verdict(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new VerdictView
        {
            TaskId = verdict.TaskId,
            TrialId = verdict.TrialId,
            ClassId = verdict.ClassId,
            ClassName = verdict.Subcategory is { } c ? FailureTaxonomy.Of(c).Name : FailureTaxonomy.DisplayName(verdict.Category),
            CategoryName = FailureTaxonomy.DisplayName(verdict.Category),
            Confidence = Math.Round(Math.Clamp(verdict.Confidence, 0, 1) * 100).ToString("0", Invariant) + "%",
            Leaning = verdict.Leaning is { } l ? FailureTaxonomy.Of(l).Name : null,
            Rationale = verdict.Rationale,
            Reason = OneLine.Of(verdict.Rationale),
            Action = FailureTaxonomy.IdOf(verdict.Action),
            TrialPath = verdict.TrialPath,
            Agent = verdict.Agent,
            Model = verdict.Model,
            HarnessLabel = verdict.HarnessLabel,
            Judge = Judge(verdict.Judge),
            AccessNote = verdict.Judge.AccessNote,
            Evidence = verdict.Evidence.Select(Evidence).ToList(),
        };
    }

    public static EvidenceView Evidence(EvidenceItem evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var (kind, where, detail, excerpt) = evidence.Location switch
        {
            FileSpan f => ("file", f.Path + Lines(f.StartLine, f.EndLine), null, f.Excerpt),
            FieldValue f => ("field", $"{f.Path}: {f.Field} = {f.Value ?? "null"}", null, null),
            CommandRun c => ("command", c.Command, CommandDetail(c), c.OutputExcerpt),
            TrajectoryRef t => ("trajectory", t.Path is { Length: > 0 } p ? $"{p} step {t.Step}" : $"step {t.Step}", null, t.Excerpt),
            _ => throw new ArgumentException($"Unknown evidence location {evidence.Location.GetType().Name}.", nameof(evidence)),
        };
        return new EvidenceView
        {
            Signal = evidence.Signal,
            Probe = evidence.Probe,
            Summary = evidence.Summary,
            Kind = kind,
            Where = where,
            Detail = detail,
            Excerpt = string.IsNullOrWhiteSpace(excerpt) ? null : TextCap.HeadTail(excerpt, MaxExcerptChars),
            Origin = evidence.Origin is { } o ? System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(o.ToString()) : null,
        };
    }

    private static string GeneratedAt(TriageReport report) => report.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    private static string Tool(TriageReport report) => $"{report.Tool.Name} {report.Tool.Version}";

    private static RunView Run(TriageReport report)
    {
        var run = report.Run;
        var parts = new[] { run.Benchmark, run.Agent, run.Model }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return new RunView
        {
            Format = run.Format,
            Path = run.Path,
            RunId = run.RunId,
            Benchmark = run.Benchmark,
            Agent = run.Agent,
            Model = run.Model,
            DeclaredTrials = run.DeclaredTrials,
            Title = parts.Count > 0 ? string.Join(" · ", parts) : run.Format,
        };
    }

    private static ScoreView Score(ScoreSummary score)
    {
        var denominator = score.Trials - score.TaskDefects - score.InfrastructureFailures;
        return new ScoreView
        {
            Trials = score.Trials,
            Resolved = score.Resolved,
            Failed = score.Failed,
            Unreadable = score.Unreadable,
            Excluded = score.TaskDefects + score.InfrastructureFailures,
            RawPercent = Percent(score.RawScore),
            RawFraction = $"{score.Resolved} / {score.Trials}",
            AdjustedPercent = Percent(score.AdjustedScore),
            AdjustedFraction = $"{score.Resolved} / {Math.Max(denominator, 0)}",
            Change = score is { RawScore: { } raw, AdjustedScore: { } adjusted }
                ? ((adjusted - raw) * 100).ToString("+0.0;-0.0;0.0", Invariant) + " pp"
                : "n/a",
        };
    }

    private static CategoryView Category(FailureCategory category, int count, int failed) => new()
    {
        Id = FailureTaxonomy.IdOf(category),
        Name = FailureTaxonomy.DisplayName(category),
        Count = count,
        Percent = Percent(count, failed),
        Action = FailureTaxonomy.IdOf(FailureTaxonomy.ActionFor(category)),
        Advice = category switch
        {
            FailureCategory.TaskDefect => "filter from scores and training data; fix the task",
            FailureCategory.AgentError => "keep: a valid failure of the agent",
            FailureCategory.Infrastructure => "re-run; never train on it",
            _ => "a person should look",
        },
    };

    private static int CountOf(ScoreSummary score, FailureCategory category) => category switch
    {
        FailureCategory.TaskDefect => score.TaskDefects,
        FailureCategory.AgentError => score.AgentErrors,
        FailureCategory.Infrastructure => score.InfrastructureFailures,
        _ => score.Undetermined,
    };

    private static CostView Cost(CostSummary cost) => new()
    {
        InputTokens = cost.InputTokens.ToString("N0", Invariant),
        OutputTokens = cost.OutputTokens.ToString("N0", Invariant),
        CostUsd = cost.CostUsd is { } usd ? "$" + usd.ToString("0.00", Invariant) : null,
        WallTime = Duration(cost.WallSeconds),
        JudgeTurns = cost.JudgeTurns,
    };

    private static List<VerdictView> Of(IEnumerable<Verdict> verdicts, FailureCategory category) =>
        verdicts.Where(v => v.Category == category).Select(Verdict).ToList();

    private static int ClassOrder(Verdict verdict) => verdict.Subcategory is { } c ? (int)c : int.MaxValue;

    private static string Judge(JudgeInfo judge)
    {
        var parts = new List<string> { judge.Kind + " judge" };
        if (!string.IsNullOrWhiteSpace(judge.Model))
        {
            parts.Add(judge.Model);
        }

        parts.Add(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(judge.AccessMode.ToString()) + " access");
        if (judge.Turns > 0)
        {
            parts.Add(judge.Turns == 1 ? "1 turn" : $"{judge.Turns} turns");
        }

        if (judge.BudgetLimited)
        {
            parts.Add("stopped by its budget");
        }

        return string.Join(", ", parts);
    }

    private static string Lines(int? start, int? end) => (start, end) switch
    {
        ({ } s, { } e) when e > s => $":{s}-{e}",
        ({ } s, _) => $":{s}",
        _ => string.Empty,
    };

    private static string CommandDetail(CommandRun command)
    {
        var parts = new List<string> { command.ExitCode is { } code ? $"exit code {code}" : "no exit code" };
        if (command.TimedOut)
        {
            parts.Add("timed out");
        }

        if (command.DurationSeconds is { } seconds)
        {
            parts.Add(Duration(seconds));
        }

        if (!string.IsNullOrWhiteSpace(command.Where))
        {
            parts.Add("in " + command.Where);
        }

        return string.Join(", ", parts);
    }

    private static string Percent(int part, int whole) => whole <= 0 ? "n/a" : Percent((double)part / whole);

    private static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.0", Invariant) + "%" : "n/a";

    private static string Duration(double seconds)
    {
        if (seconds < 60)
        {
            return seconds.ToString("0.0", Invariant) + " s";
        }

        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return span.TotalHours >= 1
            ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{span.Minutes} min {span.Seconds} s";
    }
}
