using System.Text;
using TriageCI.Core.IO;
using TriageCI.Core.Runs;

namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>
/// The parts of a trajectory that tell how it went, within a character budget: the steps probes pointed at, the
/// steps that failed, the last steps (how it ended) and the first (how it began), in that order of priority.
/// </summary>
public static class TrajectoryDigest
{
    public const int FirstSteps = 3;
    public const int LastSteps = 8;

    /// <summary>The digest text and the indices of the steps it kept.</summary>
    public static (string Text, IReadOnlySet<int> KeptSteps) Of(Trajectory trajectory, IReadOnlyCollection<int> pinnedSteps, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var steps = trajectory.Steps;
        var rank = new Dictionary<int, double>();
        void Offer(int position, double value)
        {
            if (!rank.TryGetValue(position, out var known) || value < known)
            {
                rank[position] = value;
            }
        }

        var pinned = pinnedSteps.ToHashSet();
        var failed = new List<int>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (pinned.Contains(steps[i].Index))
            {
                Offer(i, 0);
            }

            if (steps[i].IsError == true || steps[i].ExitCode is not (null or 0))
            {
                failed.Add(i);
            }
        }

        for (var i = 0; i < Math.Min(LastSteps, steps.Count); i++)
        {
            Offer(steps.Count - 1 - i, 1 + i / 10.0);
        }

        for (var i = 0; i < failed.Count; i++)
        {
            Offer(failed[i], 2 + Math.Min(i, failed.Count - 1 - i) / (double)(failed.Count + 1));
        }

        for (var i = 0; i < Math.Min(FirstSteps, steps.Count); i++)
        {
            Offer(i, 3 + i / 10.0);
        }

        var chosen = new SortedDictionary<int, string>();
        var used = 0;
        foreach (var (position, _) in rank.OrderBy(r => r.Value).ThenBy(r => r.Key))
        {
            var text = Render(steps[position]);
            if (used + text.Length > maxChars)
            {
                continue;
            }

            chosen[position] = text;
            used += text.Length;
        }

        var output = new StringBuilder();
        output.Append($"{trajectory.TotalSteps} steps in the original ({trajectory.Format})");
        if (trajectory.ExitStatus is { } exit)
        {
            output.Append($"; the agent's exit status: {exit}");
        }

        output.Append('\n');
        var previous = -1;
        foreach (var (position, text) in chosen)
        {
            var gapFrom = previous < 0 ? 0 : steps[previous].Index + 1;
            if (steps[position].Index > gapFrom)
            {
                output.Append($"[… steps {gapFrom}–{steps[position].Index - 1} omitted …]\n");
            }

            output.Append(text);
            previous = position;
        }

        var lastIndex = Math.Max(trajectory.TotalSteps, steps.Count == 0 ? 0 : steps[^1].Index + 1) - 1;
        if (previous >= 0 && steps[previous].Index < lastIndex)
        {
            output.Append($"[… steps {steps[previous].Index + 1}–{lastIndex} omitted …]\n");
        }

        return (output.ToString(), chosen.Keys.Select(p => steps[p].Index).ToHashSet());
    }

    /// <summary>A step as the digest shows it, capped field by field.</summary>
    public static string Render(TrajectoryStep step)
    {
        var text = new StringBuilder();
        text.Append($"step {step.Index} [{step.Role.ToString().ToLowerInvariant()}]");
        if (step.ExitCode is { } code)
        {
            text.Append($" exit={code}");
        }

        if (step.IsError == true)
        {
            text.Append(" error");
        }

        text.Append('\n');
        Field(text, "text", step.Text, 500);
        Field(text, "action", step.Action, 600);
        Field(text, "observation", step.Observation, 900);
        return text.ToString();
    }

    private static void Field(StringBuilder text, string name, string? value, int max)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append("  ").Append(name).Append(": ").Append(TextCap.HeadTail(value.Trim(), max).Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
        }
    }
}
