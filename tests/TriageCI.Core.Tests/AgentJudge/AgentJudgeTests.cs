using Microsoft.Extensions.AI;
using TriageCI.Core.Evidence;
using TriageCI.Core.Judges.Agent;
using TriageCI.Core.Judges.Agent.Budgets;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Core.Judges.Agent.Tools;
using TriageCI.Core.Judges.Agent.Transcripts;
using TriageCI.Core.Probes;
using TriageCI.Core.Runs;
using TriageCI.Core.Taxonomy;
using TriageCI.Core.Verdicts;
using TriageCI.Testing.Llm;

namespace TriageCI.Core.Tests.AgentJudge;

public class AgentJudgeTests
{
    private const string Log = "collecting ...\ncollected 2 items\n\ntests/test_report.py F\nE   AssertionError: assert 'Total: 42' == 'total: 42'\nFAILED tests/test_report.py::test_total\n1 failed in 0.1s\n";

    private static string Answer(string classId, double confidence, string evidence = "[]") =>
        $$"""{"class":"{{classId}}","confidence":{{confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"rationale":"Because {{classId}}.","evidence":{{evidence}}}""";

    private static (TriageCI.Core.Judges.Agent.AgentJudge Judge, TestChatClient Model) Create(AgentJudgeOptions? options = null, params IJudgeToolProvider[] tools)
    {
        var model = new TestChatClient();
        var source = new ModelChatSource(model, "test-model", SecretRedactor.ShapesOnly, time: new ManualTimeProvider { AutoAdvance = true });
        return (new TriageCI.Core.Judges.Agent.AgentJudge(source, tools.Length == 0 ? [new ArtifactToolProvider()] : tools, new RunBudget(BudgetLimits.None), options), model);
    }

    [Fact]
    public async Task The_judge_reads_with_its_tools_then_answers_with_checked_evidence()
    {
        using var trial = new SyntheticTrial(Log);
        var (judge, model) = Create(new AgentJudgeOptions { ConfirmDefects = false });
        model.GetResponseAsyncCallback = TestChatClient.Answers(
            TestChatClient.Call("c1", ArtifactToolProvider.ReadFile, new Dictionary<string, object?> { ["path"] = SyntheticTrial.LogPath, ["startLine"] = 4 }),
            TestChatClient.Text(Answer("agent-error/logical-failure", 0.8,
                $$"""[{"kind":"file","path":"{{SyntheticTrial.LogPath}}","start_line":5,"end_line":5,"note":"case differs"},{"kind":"probe","signal":"harness.tests-failed"}]""")));

        var verdict = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.Equal(FailureClass.LogicalFailure, verdict.Subcategory);
        Assert.Equal(0.8, verdict.Confidence);
        var cited = Assert.IsType<FileSpan>(verdict.Evidence[0].Location);
        Assert.Equal((SyntheticTrial.LogPath, 5, "E   AssertionError: assert 'Total: 42' == 'total: 42'"), (cited.Path, cited.StartLine!.Value, cited.Excerpt));
        Assert.Equal(Signals.JudgeCited, verdict.Evidence[0].Signal);
        Assert.Equal(Signals.TestsFailed, verdict.Evidence[1].Signal);
        Assert.Equal(("agent", "test-model", AccessMode.LlmOnly, 2, 200L, 40L, false),
            (verdict.Judge.Kind, verdict.Judge.Model, verdict.Judge.AccessMode, verdict.Judge.Turns, verdict.Judge.InputTokens, verdict.Judge.OutputTokens, verdict.Judge.BudgetLimited));
        var toolResult = model.Requests[1].Messages.Last().Contents.OfType<FunctionResultContent>().Single().Result!.ToString()!;
        Assert.Contains("<<<UNTRUSTED", toolResult, StringComparison.Ordinal);
        Assert.Contains("5: E   AssertionError", toolResult, StringComparison.Ordinal);
        Assert.DoesNotContain("3: ", toolResult, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_answer_gets_one_repair_turn()
    {
        using var trial = new SyntheticTrial(Log);
        using var transcripts = new TempFolder();
        var (judge, model) = Create(new AgentJudgeOptions { ConfirmDefects = false, Transcripts = new TranscriptStore(transcripts.Path) });
        model.GetResponseAsyncCallback = TestChatClient.Answers(
            TestChatClient.Text("It is clearly a logical failure."),
            TestChatClient.Text(Answer("agent-error/logical-failure", 0.7)));

        var verdict = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.Equal(FailureClass.LogicalFailure, verdict.Subcategory);
        Assert.Equal(ChatToolMode.None, model.Requests[1].Options!.ToolMode);
        var transcript = await new TranscriptStore(transcripts.Path).ReadAsync(trial.Run.TrialId, TestContext.Current.CancellationToken);
        Assert.Equal(ConversationOutcome.Repaired, Assert.Single(transcript.Samples).Outcome);
    }

    [Fact]
    public async Task Low_confidence_is_reported_as_undetermined_with_the_leaning()
    {
        using var trial = new SyntheticTrial(Log);
        var (judge, model) = Create();
        model.GetResponseAsyncCallback = TestChatClient.Answers(TestChatClient.Text(Answer("task-defect/brittle-tests", 0.4)));

        var verdict = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.Equal(FailureCategory.Undetermined, verdict.Category);
        Assert.Equal(FailureClass.BrittleTests, verdict.Leaning);
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task Near_the_turn_limit_the_judge_is_told_to_answer_without_tools_and_the_verdict_is_budget_limited()
    {
        using var trial = new SyntheticTrial(Log);
        var (judge, model) = Create(new AgentJudgeOptions { ConfirmDefects = false, TaskBudget = new BudgetLimits { Turns = 3 } });
        model.GetResponseAsyncCallback = TestChatClient.Answers(
            TestChatClient.Call("c1", ArtifactToolProvider.ListFiles, new Dictionary<string, object?>()),
            TestChatClient.Call("c2", ArtifactToolProvider.Grep, new Dictionary<string, object?> { ["pattern"] = "Error" }),
            TestChatClient.Text(Answer("agent-error/logical-failure", 0.7)));

        var verdict = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.Equal(FailureClass.LogicalFailure, verdict.Subcategory);
        Assert.True(verdict.Judge.BudgetLimited);
        Assert.Equal(3, verdict.Judge.Turns);
        Assert.Equal(ChatToolMode.None, model.Requests[2].Options!.ToolMode);
        Assert.Equal(JudgeConversation.ConcludeMessage, model.Requests[2].Messages.Last().Text);
        Assert.Contains(SyntheticTrial.LogPath, model.Requests[1].Messages.Last().Contents.OfType<FunctionResultContent>().Single().Result!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_hard_budget_runs_out_before_an_answer_the_probes_evidence_decides_and_the_verdict_says_so()
    {
        using var trial = new SyntheticTrial(Log);
        var (judge, model) = Create(new AgentJudgeOptions { ConfirmDefects = false, TaskBudget = new BudgetLimits { Turns = 1 } });
        model.GetResponseAsyncCallback = TestChatClient.Answers(TestChatClient.Call("c1", ArtifactToolProvider.ListFiles, new Dictionary<string, object?>()));

        var verdict = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.True(verdict.Judge.BudgetLimited);
        Assert.Equal("agent", verdict.Judge.Kind);
        Assert.Equal(1, verdict.Judge.Turns);
        Assert.StartsWith("The agent judge's budget ran out before it answered (the task turn budget (1) is spent)", verdict.Rationale, StringComparison.Ordinal);
        Assert.Equal(FailureClass.LogicalFailure, verdict.Subcategory);
    }

    [Fact]
    public async Task A_task_defect_stands_when_an_independent_second_sample_agrees()
    {
        using var trial = new SyntheticTrial(Log);
        var (judge, model) = Create();
        model.GetResponseAsyncCallback = TestChatClient.Answers(
            TestChatClient.Text(Answer("task-defect/brittle-tests", 0.9)),
            TestChatClient.Text(Answer("task-defect/brittle-tests", 0.7)));

        var verdict = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.Equal(FailureClass.BrittleTests, verdict.Subcategory);
        Assert.Equal(0.8, verdict.Confidence, 3);
        Assert.EndsWith("Confirmed by an independent second sample.", verdict.Rationale, StringComparison.Ordinal);
        Assert.Equal(2, verdict.Judge.Turns);
        var first = model.Requests[0].Messages[1].Text;
        var second = model.Requests[1].Messages[1].Text;
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("brittle", second, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0.7f, model.Requests[1].Options!.Temperature);
    }

    [Fact]
    public async Task A_task_defect_the_second_sample_does_not_confirm_is_reported_with_low_confidence()
    {
        using var trial = new SyntheticTrial(Log);
        var (judge, model) = Create();
        model.GetResponseAsyncCallback = TestChatClient.Answers(
            TestChatClient.Text(Answer("task-defect/ambiguous-spec", 0.9)),
            TestChatClient.Text(Answer("agent-error/logical-failure", 0.8)));

        var verdict = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.Equal(FailureCategory.Undetermined, verdict.Category);
        Assert.Equal(FailureClass.AmbiguousSpec, verdict.Leaning);
        Assert.True(verdict.Confidence < 0.5);
        Assert.Contains("Not confirmed: an independent second sample answered agent-error/logical-failure", verdict.Rationale, StringComparison.Ordinal);
        Assert.Equal(RecommendedAction.Review, verdict.Action);
    }

    [Fact]
    public async Task Replaying_the_transcripts_gives_the_same_verdict_without_a_model()
    {
        using var trial = new SyntheticTrial(Log);
        using var transcripts = new TempFolder();
        using var replayed = new TempFolder();
        var (judge, model) = Create(new AgentJudgeOptions { Transcripts = new TranscriptStore(transcripts.Path) });
        model.GetResponseAsyncCallback = TestChatClient.Answers(
            TestChatClient.Call("c1", ArtifactToolProvider.ReadFile, new Dictionary<string, object?> { ["path"] = SyntheticTrial.LogPath }),
            TestChatClient.Text(Answer("task-defect/brittle-tests", 0.9, $$"""[{"kind":"file","path":"{{SyntheticTrial.LogPath}}","start_line":5}]""")),
            TestChatClient.Text(Answer("task-defect/brittle-tests", 0.8)));
        var original = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        var replay = new TriageCI.Core.Judges.Agent.AgentJudge(new ReplayChatSource(new TranscriptStore(transcripts.Path)), [new ArtifactToolProvider()],
            new RunBudget(BudgetLimits.None), new AgentJudgeOptions { Transcripts = new TranscriptStore(replayed.Path) });
        var again = await replay.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.Equal(3, model.Requests.Count);
        Assert.Equal("replay", again.Judge.Kind);
        Assert.Equal((original.ClassId, original.Confidence, original.Rationale), (again.ClassId, again.Confidence, again.Rationale));
        Assert.Equal(original.Evidence, again.Evidence);
        Assert.Equal((original.Judge.Turns, original.Judge.InputTokens), (again.Judge.Turns, again.Judge.InputTokens));
        var rewritten = await new TranscriptStore(replayed.Path).ReadAsync(trial.Run.TrialId, TestContext.Current.CancellationToken);
        Assert.Equal(2, rewritten.Samples.Count);
        Assert.Equal("replay", rewritten.JudgeKind);
    }

    [Fact]
    public async Task Replay_without_a_transcript_for_the_trial_names_the_missing_file()
    {
        using var trial = new SyntheticTrial(Log);
        using var empty = new TempFolder();
        var replay = new TriageCI.Core.Judges.Agent.AgentJudge(new ReplayChatSource(new TranscriptStore(empty.Path)), [], new RunBudget(BudgetLimits.None));

        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () => await replay.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken));

        Assert.Contains("fix-widget__A1.json: no transcript for trial 'fix-widget__A1'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citations_that_do_not_check_out_are_dropped_with_a_warning()
    {
        using var trial = new SyntheticTrial(Log);
        var (judge, model) = Create(new AgentJudgeOptions { ConfirmDefects = false });
        model.GetResponseAsyncCallback = TestChatClient.Answers(TestChatClient.Text(Answer("agent-error/logical-failure", 0.7, """
            [{"kind":"file","path":"../../etc/passwd","start_line":1},
             {"kind":"file","path":"jobs/job-1/fix-widget__A1/verifier/test-stdout.txt","start_line":900},
             {"kind":"trajectory","step":99},
             {"kind":"command","command":"pytest -x"},
             {"kind":"probe","signal":"log.oom-killed"}]
            """)));

        var verdict = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(verdict.Evidence, e => e.Signal == Signals.JudgeCited);
        Assert.Equal(5, verdict.Warnings.Count);
        Assert.Contains(verdict.Warnings, w => w.Contains("a command it did not run", StringComparison.Ordinal));
        Assert.Contains(verdict.Warnings, w => w.Contains("step 99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_access_mode_is_the_highest_among_the_toolboxes_that_opened()
    {
        using var trial = new SyntheticTrial(Log);
        var (judge, model) = Create(new AgentJudgeOptions { ConfirmDefects = false }, new ArtifactToolProvider(), new FixedProvider(AccessMode.ReadOnly, open: true), new FixedProvider(AccessMode.Sandbox, open: false));
        model.GetResponseAsyncCallback = TestChatClient.Answers(TestChatClient.Text(Answer("agent-error/logical-failure", 0.7)));

        var verdict = await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.Equal(AccessMode.ReadOnly, verdict.Judge.AccessMode);
        Assert.Contains("Access: read-only", model.Requests[0].Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(["list_files", "read_file", "grep", "peek"], model.Requests[0].Options!.Tools!.Select(t => t.Name));
    }

    [Fact]
    public void One_provider_per_access_mode()
    {
        Assert.Throws<ArgumentException>(() => Create(null, new ArtifactToolProvider(), new ArtifactToolProvider()));
    }

    private sealed class FixedProvider(AccessMode mode, bool open) : IJudgeToolProvider
    {
        public AccessMode Mode => mode;

        public ValueTask<JudgeToolbox?> OpenAsync(TaskRun run, TrialContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(open ? new JudgeToolbox(mode, [AIFunctionFactory.Create(() => "seen", "peek")]) : null);
    }
}
