using System.Text;
using TriageCI.Core.Evidence;
using TriageCI.Core.IO;
using TriageCI.Core.Judges.Agent.Answers;
using TriageCI.Core.Judges.Agent.Tools;
using TriageCI.Core.Runs;

namespace TriageCI.Core.Judges.Agent;

/// <summary>
/// Turns the citations of an answer into evidence, keeping only what exists: probe items by signal, file lines read
/// back from the trial's files (the excerpt is the file's, not the model's), trajectory steps the trial has, and
/// commands the tools really ran. What does not check out is dropped with a warning.
/// </summary>
public static class CitationChecker
{
    public const string Probe = "agent-judge";

    private const int MaxCitedLines = 15;

    public static async Task<(List<EvidenceItem> Items, List<string> Warnings)> CheckAsync(
        IReadOnlyList<Citation> citations,
        TaskRun run,
        IReadOnlyList<EvidenceItem> probeEvidence,
        TrialFiles files,
        IReadOnlyList<CommandRun> commands,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(citations);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(probeEvidence);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(commands);
        var items = new List<EvidenceItem>();
        var warnings = new List<string>();
        foreach (var citation in citations)
        {
            switch (citation.Kind)
            {
                case "probe":
                    var found = probeEvidence.Where(e => e.Signal == citation.Signal).Take(3).ToList();
                    if (found.Count == 0)
                    {
                        warnings.Add($"the agent judge cited signal '{citation.Signal}', which no probe reported");
                    }

                    items.AddRange(found);
                    break;
                case "file":
                    if (await FileSpanAsync(citation, run, files, cancellationToken) is { } span)
                    {
                        items.Add(Cited(citation, span, run.Artifacts.FirstOrDefault(a => a.RelativePath == span.Path)?.Kind));
                    }
                    else
                    {
                        warnings.Add($"the agent judge cited {citation.Path}:{citation.StartLine}-{citation.EndLine}, which is not a line range of a trial file");
                    }

                    break;
                case "trajectory":
                    if (run.Trajectory?.Steps.FirstOrDefault(s => s.Index == citation.Step) is { } step)
                    {
                        items.Add(Cited(citation, new TrajectoryRef(run.Trajectory.SourcePath, step.Index, StepExcerpt(step)), ArtifactKind.Trajectory));
                    }
                    else
                    {
                        warnings.Add($"the agent judge cited trajectory step {citation.Step}, which the trial's trajectory does not hold");
                    }

                    break;
                default:
                    if (commands.FirstOrDefault(c => c.Command == citation.Command) is { } command)
                    {
                        items.Add(Cited(citation, command, null));
                    }
                    else
                    {
                        warnings.Add($"the agent judge cited a command it did not run: {TextCap.HeadTail(citation.Command ?? string.Empty, 120)}");
                    }

                    break;
            }
        }

        return (items.Distinct().ToList(), warnings);
    }

    private static EvidenceItem Cited(Citation citation, EvidenceLocation location, ArtifactKind? origin) => new()
    {
        Probe = Probe,
        Signal = Signals.JudgeCited,
        Summary = string.IsNullOrWhiteSpace(citation.Note) ? "Cited by the agent judge." : citation.Note.Trim(),
        Location = location,
        Origin = origin,
    };

    private static async Task<FileSpan?> FileSpanAsync(Citation citation, TaskRun run, TrialFiles files, CancellationToken cancellationToken)
    {
        if (citation.Path is null || !files.TryResolve(citation.Path, out var full, out _))
        {
            return null;
        }

        var path = citation.Path.Trim().Replace('\\', '/');
        if (citation.StartLine is not { } start)
        {
            return new FileSpan(path);
        }

        var end = Math.Max(start, citation.EndLine ?? start);
        var excerpt = new StringBuilder();
        var reached = false;
        await foreach (var line in TextFiles.ReadLinesAsync(full, 500, cancellationToken))
        {
            if (line.Number > end)
            {
                break;
            }

            if (line.Number >= start)
            {
                reached = true;
                if (line.Number < start + MaxCitedLines)
                {
                    excerpt.Append(line.Text).Append('\n');
                }
            }
        }

        return reached ? new FileSpan(path, start, end, TextCap.HeadTail(excerpt.ToString().TrimEnd('\n'), 1_500)) : null;
    }

    private static string? StepExcerpt(TrajectoryStep step) =>
        TextCap.HeadTailOrNull(string.Join("\n", new[] { step.Action, step.Observation ?? step.Text }.Where(t => !string.IsNullOrWhiteSpace(t))), 1_000);
}
