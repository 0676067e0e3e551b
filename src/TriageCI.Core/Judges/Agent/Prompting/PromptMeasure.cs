using TriageCI.Core.Evidence;
using TriageCI.Core.IO;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Core.Judges.Agent.Tools;
using TriageCI.Core.Runs;
using TriageCI.Core.Verdicts;

namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>What one trial's opening prompt costs, against sending everything, and which decisive lines it keeps.</summary>
/// <param name="PromptTokens">Estimated tokens of the judge's opening messages.</param>
/// <param name="NaiveTokens">Estimated tokens of the same prompt with every excerpt replaced by its whole source, plus every other file the trial left.</param>
/// <param name="DecisiveLines">Lines probes cited in the log files the prompt excerpts.</param>
/// <param name="KeptByIntent">Of those, the lines the intent excerpt keeps.</param>
/// <param name="KeptByHeadCut">Of those, the lines a blind cut of the head to the same size would keep.</param>
/// <param name="KeptByHeadTail">Of those, the lines a head-and-tail cut to the same size would keep.</param>
/// <param name="DecisiveLinesElsewhere">Lines probes cited in files the prompt does not excerpt (the judge reads them with its tools).</param>
/// <param name="DecisiveSteps">Trajectory steps probes cited.</param>
/// <param name="StepsKeptByIntent">Of those, the steps the trajectory digest keeps.</param>
/// <param name="StepsKeptByHead">Of those, the steps the first steps up to the same size would keep.</param>
/// <param name="StepsKeptByTail">Of those, the steps the last steps up to the same size would keep.</param>
public sealed record PromptFigures(
    long PromptTokens,
    long NaiveTokens,
    int DecisiveLines,
    int KeptByIntent,
    int KeptByHeadCut,
    int KeptByHeadTail,
    int DecisiveLinesElsewhere,
    int DecisiveSteps,
    int StepsKeptByIntent,
    int StepsKeptByHead,
    int StepsKeptByTail);

/// <summary>
/// Measures the judge's opening prompt on a trial: tokens against a naive full-context dump, and how many of the lines
/// the probes cited survive the intent excerpt compared with blind cuts of the same size. Streams every file.
/// </summary>
public static class PromptMeasure
{
    public static async Task<PromptFigures> MeasureAsync(TaskRun run, IReadOnlyList<EvidenceItem> evidence, JudgePromptBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(builder);
        var fence = UntrustedFence.Create();
        string[] tools = [ArtifactToolProvider.ListFiles, ArtifactToolProvider.ReadFile, ArtifactToolProvider.Grep];
        var prompt = await builder.BuildAsync(run, evidence, fence, AccessMode.LlmOnly, tools, null, cancellationToken);
        var promptTokens = TokenEstimate.Of(prompt.System) + TokenEstimate.Of(prompt.User);

        // File sizes stand in for characters: the naive dump is estimated without reading any file whole.
        var promptChars = (long)prompt.System.Length + prompt.User.Length;
        var included = prompt.Sources.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var naiveChars = promptChars + prompt.Sources.Sum(s => s.FullChars - s.KeptChars)
            + run.Artifacts.Where(a => a.Kind != ArtifactKind.RunLog && !included.Contains(a.RelativePath)).Sum(a => a.Length);

        var decisive = evidence.Select(e => e.Location).OfType<FileSpan>()
            .Where(f => f.StartLine is not null)
            .SelectMany(f => Enumerable.Range(f.StartLine!.Value, Math.Clamp((f.EndLine ?? f.StartLine.Value) - f.StartLine.Value + 1, 1, 20)).Select(line => (f.Path, Line: line)))
            .Distinct()
            .ToList();
        int total = 0, intent = 0, head = 0, headTail = 0, elsewhere = 0;
        foreach (var group in decisive.GroupBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!prompt.Excerpts.TryGetValue(group.Key, out var excerpt))
            {
                elsewhere += group.Count();
                continue;
            }

            var artifact = run.Artifacts.First(a => a.RelativePath == group.Key);
            var (headKept, headTailKept) = await BlindCutsAsync(artifact.FullPath, builder.Options.LogExcerpt.MaxChars, cancellationToken);
            foreach (var (_, line) in group)
            {
                total++;
                intent += excerpt.KeptLines.Contains(line) ? 1 : 0;
                head += headKept(line) ? 1 : 0;
                headTail += headTailKept(line) ? 1 : 0;
            }
        }

        var (steps, stepsIntent, stepsHead, stepsTail) = DecisiveSteps(run, evidence, prompt, builder.Options.TrajectoryChars);
        return new PromptFigures(promptTokens, (naiveChars + TokenEstimate.CharactersPerToken - 1) / TokenEstimate.CharactersPerToken,
            total, intent, head, headTail, elsewhere, steps, stepsIntent, stepsHead, stepsTail);
    }

    private static (int Total, int Intent, int Head, int Tail) DecisiveSteps(TaskRun run, IReadOnlyList<EvidenceItem> evidence, JudgePrompt prompt, int budget)
    {
        var cited = evidence.Select(e => e.Location).OfType<TrajectoryRef>().Select(t => t.Step).ToHashSet();
        if (run.Trajectory is not { Steps.Count: > 0 } trajectory || cited.Count == 0)
        {
            return (0, 0, 0, 0);
        }

        HashSet<int> Fit(IEnumerable<TrajectoryStep> order)
        {
            var kept = new HashSet<int>();
            var used = 0;
            foreach (var step in order)
            {
                used += TrajectoryDigest.Render(step).Length;
                if (used > budget)
                {
                    break;
                }

                kept.Add(step.Index);
            }

            return kept;
        }

        var head = Fit(trajectory.Steps);
        var tail = Fit(trajectory.Steps.Reverse());
        var present = cited.Where(s => trajectory.Steps.Any(t => t.Index == s)).ToList();
        return (present.Count, present.Count(prompt.KeptSteps.Contains), present.Count(head.Contains), present.Count(tail.Contains));
    }

    /// <summary>Which lines a blind head cut and a two-thirds-head, one-third-tail cut of <paramref name="budget"/> characters keep.</summary>
    private static async Task<(Func<int, bool> Head, Func<int, bool> HeadTail)> BlindCutsAsync(string path, int budget, CancellationToken cancellationToken)
    {
        var lengths = new List<int>();
        await foreach (var line in TextFiles.ReadLinesAsync(path, cancellationToken: cancellationToken))
        {
            lengths.Add(line.Text.Length + 1);
        }

        int LinesWithin(IEnumerable<int> sizes, int chars)
        {
            var used = 0;
            var count = 0;
            foreach (var size in sizes)
            {
                if (used + size > chars)
                {
                    break;
                }

                used += size;
                count++;
            }

            return count;
        }

        var headOnly = LinesWithin(lengths, budget);
        var headPart = LinesWithin(lengths, budget * 2 / 3);
        var tailPart = LinesWithin(Enumerable.Reverse(lengths), budget - budget * 2 / 3);
        var total = lengths.Count;
        return (line => line <= headOnly, line => line <= headPart || line > total - tailPart);
    }
}
