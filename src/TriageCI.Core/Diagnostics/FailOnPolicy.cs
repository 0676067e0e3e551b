using TriageCI.Core.Reports;
using TriageCI.Core.Taxonomy;

namespace TriageCI.Core.Diagnostics;

/// <summary>
/// When a triage should fail the build or job: <c>--fail-on</c> takes a comma-separated list of
/// <c>task-defect</c>, <c>infra</c>, <c>agent-error</c>, <c>any</c> or <c>none</c>, each optionally with a minimum
/// count (<c>task-defect:3</c> fails at three or more task defects; the default count is 1).
/// </summary>
public sealed class FailOnPolicy
{
    private FailOnPolicy(IReadOnlyList<FailOnThreshold> thresholds) => Thresholds = thresholds;

    public static FailOnPolicy None { get; } = new([]);

    public IReadOnlyList<FailOnThreshold> Thresholds { get; }

    /// <exception cref="FormatException">The spec names an unknown category or a count that is not a positive integer.</exception>
    public static FailOnPolicy Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return None;
        }

        var thresholds = new List<FailOnThreshold>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, countText) = part.Split(':', 2) is [var n, var c] ? (n, c) : (part, null);
            if (name.Equals("none", StringComparison.OrdinalIgnoreCase) && countText is null)
            {
                continue;
            }

            var category = name.ToLowerInvariant() switch
            {
                "task-defect" => FailOnCategory.TaskDefect,
                "infra" or "infrastructure" => FailOnCategory.Infra,
                "agent-error" => FailOnCategory.AgentError,
                "any" => FailOnCategory.Any,
                _ => throw new FormatException($"unknown --fail-on category '{name}'; use task-defect, infra, agent-error, any or none, optionally with :count"),
            };
            var count = 1;
            if (countText is not null && (!int.TryParse(countText, out count) || count < 1))
            {
                throw new FormatException($"--fail-on count '{countText}' for {name} must be a whole number of at least 1");
            }

            thresholds.Add(new FailOnThreshold(category, count));
        }

        return new FailOnPolicy(thresholds);
    }

    /// <summary>Whether a failed trial of <paramref name="category"/> counts towards a threshold (and so is an error, not a warning).</summary>
    public bool Covers(FailureCategory category) => Thresholds.Any(t => Matches(t.Category, category));

    /// <summary>The thresholds the report crosses, with the count that crossed each.</summary>
    public IReadOnlyList<(FailOnThreshold Threshold, int Actual)> Crossed(TriageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Thresholds
            .Select(t => (Threshold: t, Actual: report.Verdicts.Count(v => Matches(t.Category, v.Category))))
            .Where(x => x.Actual >= x.Threshold.Count)
            .ToList();
    }

    /// <summary>
    /// A policy of only the thresholds the report crosses. Its categories are the ones that fail the run, so findings in
    /// them are errors and every other finding stays a warning.
    /// </summary>
    public FailOnPolicy CrossedBy(TriageReport report) => new(Crossed(report).Select(c => c.Threshold).ToList());

    private static bool Matches(FailOnCategory threshold, FailureCategory category) => threshold switch
    {
        FailOnCategory.TaskDefect => category == FailureCategory.TaskDefect,
        FailOnCategory.Infra => category == FailureCategory.Infrastructure,
        FailOnCategory.AgentError => category == FailureCategory.AgentError,
        FailOnCategory.Any => category != FailureCategory.Undetermined,
        _ => false,
    };
}
