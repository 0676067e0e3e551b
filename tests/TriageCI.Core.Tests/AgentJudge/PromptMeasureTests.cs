using TriageCI.Core.Evidence;
using TriageCI.Core.Judges.Agent.Prompting;
using TriageCI.Core.Runs;
using TriageCI.Testing.Llm;

namespace TriageCI.Core.Tests.AgentJudge;

public class PromptMeasureTests
{
    private static string Log(int lines, params (int Line, string Text)[] special)
    {
        var map = special.ToDictionary(s => s.Line, s => s.Text);
        return string.Join('\n', Enumerable.Range(1, lines).Select(n => map.TryGetValue(n, out var t) ? t : $"progress line {n} all fine"));
    }

    private static EvidenceItem Cited(EvidenceLocation location) => new()
    {
        Probe = "network",
        Signal = Signals.NetworkUnreachable,
        Summary = "A host could not be reached.",
        Location = location,
    };

    private static Task<PromptFigures> MeasureAsync(SyntheticTrial trial, params EvidenceItem[] cited) =>
        MeasureAsync(trial, trial.Run, cited);

    private static Task<PromptFigures> MeasureAsync(SyntheticTrial trial, TaskRun run, params EvidenceItem[] cited) =>
        PromptMeasure.MeasureAsync(run, [.. trial.Evidence, .. cited], new JudgePromptBuilder(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_long_log_costs_a_small_fraction_of_its_dump_and_keeps_cited_lines_that_blind_cuts_lose()
    {
        using var trial = new SyntheticTrial(Log(20_000, (10_000, "Could not resolve host: pypi.org"), (19_990, "pip: connection refused")));
        var logBytes = new FileInfo(Path.Combine(trial.Root, SyntheticTrial.LogPath)).Length;

        var figures = await MeasureAsync(trial,
            Cited(new FileSpan(SyntheticTrial.LogPath, 10_000)),
            Cited(new FileSpan(SyntheticTrial.LogPath, 19_990)));

        Assert.True(figures.NaiveTokens >= logBytes / 4, $"naive {figures.NaiveTokens} tokens for a {logBytes}-byte log");
        Assert.True(figures.PromptTokens * 20 < figures.NaiveTokens, $"prompt {figures.PromptTokens}, naive {figures.NaiveTokens}");
        Assert.Equal(2, figures.DecisiveLines);
        Assert.Equal(2, figures.KeptByIntent);
        Assert.Equal(0, figures.KeptByHeadCut);
        Assert.Equal(1, figures.KeptByHeadTail);
        Assert.Equal(0, figures.DecisiveLinesElsewhere);
    }

    [Fact]
    public async Task A_short_log_sent_whole_costs_about_what_its_dump_costs_and_every_cut_keeps_its_lines()
    {
        using var trial = new SyntheticTrial(Log(10, (5, "Could not resolve host: pypi.org")));

        var figures = await MeasureAsync(trial, Cited(new FileSpan(SyntheticTrial.LogPath, 4, 6)));

        Assert.InRange((double)figures.PromptTokens / figures.NaiveTokens, 0.95, 1.1);
        Assert.Equal(3, figures.DecisiveLines);
        Assert.Equal(3, figures.KeptByIntent);
        Assert.Equal(3, figures.KeptByHeadCut);
        Assert.Equal(3, figures.KeptByHeadTail);
    }

    [Fact]
    public async Task Files_the_prompt_does_not_excerpt_count_whole_in_the_dump_and_their_cited_lines_apart()
    {
        using var trial = new SyntheticTrial(Log(10));
        var setup = Path.Combine(trial.Root, SyntheticTrial.TrialFolder, "agent", "setup.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(setup)!);
        await File.WriteAllTextAsync(setup, Log(4_000), TestContext.Current.CancellationToken);
        var relative = SyntheticTrial.TrialFolder + "/agent/setup.txt";
        var run = trial.Run with { Artifacts = [.. trial.Run.Artifacts, new Artifact(ArtifactKind.Other, relative, setup, new FileInfo(setup).Length)] };

        var without = await MeasureAsync(trial);
        var with = await MeasureAsync(trial, run, Cited(new FileSpan(relative, 3)));

        Assert.InRange(with.NaiveTokens - without.NaiveTokens, new FileInfo(setup).Length / 4, (new FileInfo(setup).Length / 4) + 200);
        Assert.Equal(0, with.DecisiveLines);
        Assert.Equal(1, with.DecisiveLinesElsewhere);
    }

    [Fact]
    public async Task A_cited_step_in_the_middle_of_a_long_trajectory_is_kept_where_first_or_last_steps_would_lose_it()
    {
        var steps = Enumerable.Range(0, 300).Select(i => new TrajectoryStep
        {
            Index = i,
            Role = i % 2 == 0 ? StepRole.Agent : StepRole.Tool,
            Action = i % 2 == 0 ? $"run command number {i}" : null,
            Observation = i % 2 == 1 ? string.Concat(Enumerable.Repeat($"output of step {i} ", 12)) : null,
        }).ToList();
        using var trial = new SyntheticTrial(Log(10), steps);

        var figures = await MeasureAsync(trial, Cited(new TrajectoryRef(null, 151)));

        Assert.Equal(1, figures.DecisiveSteps);
        Assert.Equal(1, figures.StepsKeptByIntent);
        Assert.Equal(0, figures.StepsKeptByHead);
        Assert.Equal(0, figures.StepsKeptByTail);
    }
}
