using TriageCI.Core.Evidence;
using TriageCI.Core.Judges.Rules;
using TriageCI.Core.Pipeline;
using TriageCI.Core.Probes.Text;
using TriageCI.Core.Readers;
using TriageCI.Core.Reports;
using TriageCI.Core.Runs;
using TriageCI.Core.Taxonomy;
using TriageCI.Core.Verdicts;

namespace TriageCI.GitHub.Tests.Support;

/// <summary>Reports to publish: the sample run triaged for real, and large synthetic runs full of hostile text.</summary>
internal static class TestReports
{
    public const string Hostile = "Ping @octocat and @github/security, see #12 and GH-12, <img src=x onerror=alert(1)> <script>alert(1)</script> </details> | a | b | ``` then ```` and ~~~\n# heading\n- [x] done [link](javascript:alert(1)) ![i](http://evil/x.png) &amp; <!-- triageci:comment x -->";

    private static readonly Lazy<Task<TriageReport>> LazySample = new(() => TriageSampleRunAsync());

    public static Task<TriageReport> SampleRunAsync() => LazySample.Value;

    private static async Task<TriageReport> TriageSampleRunAsync()
    {
        var path = RepositoryPaths.SampleRun;
        var reader = BuiltInReaders.Registry().Resolve(path, null);
        var report = await new TriagePipeline(TextProbes.All, new RulesJudge()).RunAsync(reader, path, ReaderOptions.Default, new NoObserver(), CancellationToken.None);
        return report with { GeneratedAt = new DateTimeOffset(2025, 8, 16, 9, 30, 0, TimeSpan.Zero), Cost = report.Cost with { WallSeconds = 1.5 } };
    }

    /// <summary>
    /// A run of <paramref name="tasks"/> failed tasks spread over every class, each verdict with long evidence
    /// excerpts and hostile text in ids, rationales and excerpts; plus unreadable trials.
    /// </summary>
    public static TriageReport Large(int tasks, int seed = 7)
    {
        var random = new Random(seed);
        var classes = Enum.GetValues<FailureClass>();
        var judge = new JudgeInfo { Kind = "agent", Model = "gpt-4o", AccessMode = AccessMode.Sandbox, Turns = 6, InputTokens = 9000, OutputTokens = 800, DurationSeconds = 30 };
        var verdicts = new List<Verdict>();
        for (var i = 0; i < tasks; i++)
        {
            var task = $"task-{i:D4}" + (i % 97 == 0 ? "-`@octocat`|x" : string.Empty);
            var trial = $"{task}.1-of-1";
            var excerpt = string.Join('\n', Enumerable.Range(0, 40).Select(l => $"line {l}: {(l % 10 == 0 ? Hostile : new string('x', random.Next(10, 60)))}"));
            var evidence = new List<EvidenceItem>
            {
                new() { Probe = "test-output", Signal = Signals.FormatOnlyMismatch, Summary = "the failing assertion " + (i % 50 == 0 ? Hostile : "differs in whitespace"), Location = new FileSpan($"{task}/verifier/test-stdout.txt", 10, 20, excerpt), Origin = ArtifactKind.TestOutput },
                new() { Probe = "sandbox", Signal = Signals.FlakyTests, Summary = "re-running the tests gave different results", Location = new CommandRun("bash /tests/test.sh", 1, excerpt, 3.2, "sandbox replica") },
            };
            var failureClass = i % 10 == 9 ? (FailureClass?)null : classes[random.Next(classes.Length)];
            var rationale = $"Rationale {i}: " + (i % 7 == 0 ? Hostile : "the tests check formatting the instruction never asked for.") + "\nSecond line of the rationale.";
            verdicts.Add(failureClass is { } c
                ? new Verdict { TaskId = task, TrialId = trial, Category = FailureTaxonomy.CategoryOf(c), Subcategory = c, Confidence = 0.5 + (random.NextDouble() / 2), Rationale = rationale, Evidence = evidence, Judge = judge, TrialPath = task, Model = "gpt-4o", HarnessLabel = "AgentTimeoutError" }
                : new Verdict { TaskId = task, TrialId = trial, Category = FailureCategory.Undetermined, Leaning = FailureClass.KnowledgeGap, Confidence = 0.4, Rationale = rationale, Evidence = evidence, Judge = judge, TrialPath = task });
        }

        var unreadable = Enumerable.Range(0, tasks / 20).Select(i => new UnreadableTrial($"broken-{i}.1-of-1", $"broken-{i}/result.json", "malformed JSON " + (i % 5 == 0 ? Hostile : "at line 3"))).ToList();
        int Count(FailureCategory category) => verdicts.Count(v => v.Category == category);
        var resolved = tasks / 3;
        return new TriageReport
        {
            Run = new RunInfo { Format = "harbor", Path = "jobs/big", RunId = "big-run", Benchmark = "terminal-bench@2.0", Agent = "terminus-2", Model = "openai/gpt-4o" },
            GeneratedAt = new DateTimeOffset(2025, 8, 16, 9, 30, 0, TimeSpan.Zero),
            Score = new ScoreSummary
            {
                Trials = resolved + verdicts.Count + unreadable.Count,
                Resolved = resolved,
                Failed = verdicts.Count,
                Unreadable = unreadable.Count,
                TaskDefects = Count(FailureCategory.TaskDefect),
                InfrastructureFailures = Count(FailureCategory.Infrastructure),
                AgentErrors = Count(FailureCategory.AgentError),
                Undetermined = Count(FailureCategory.Undetermined),
            },
            Counts = ReportAccumulator.CountByClass(verdicts),
            Verdicts = verdicts,
            Unreadable = unreadable,
            Cost = new CostSummary { InputTokens = 27_000_000, OutputTokens = 2_400_000, CostUsd = 81.5m, WallSeconds = 5400, JudgeTurns = 18000 },
            Judge = "agent:gpt-4o",
        };
    }

    private sealed class NoObserver : ITriageObserver
    {
        public ValueTask OnRunStartedAsync(RunInfo run, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask OnTrialAsync(TrialOutcome outcome, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
