using System.Text;
using TriageCI.Core.Reports;
using TriageCI.Core.Reports.Markdown;
using TriageCI.GitHub.Models;
using TriageCI.GitHub.Rendering;
using TriageCI.GitHub.Rest;

namespace TriageCI.GitHub.Publishing;

/// <summary>
/// One issue per task believed defective, keyed by a hidden marker (benchmark and task), never by title. Issues are
/// found again, open or closed, among those carrying the first label and written by the token's identity: an open
/// one is updated, one closed as completed is reopened (the defect is back), one a person closed as not planned is
/// left alone. Each run adds its occurrence to the issue's list. Nothing is created when the lookup fails.
/// </summary>
public sealed class DefectIssuePublisher(IGitHubClient client)
{
    public const string OccurrencesStart = "<!-- triageci:occurrences -->";

    public const string OccurrencesEnd = "<!-- /triageci:occurrences -->";

    /// <summary>The newest occurrences an issue keeps.</summary>
    public const int MaxOccurrences = 20;

    private const int MaxTitleChars = 200;

    public async Task<IReadOnlyList<IssueOutcome>> PublishAsync(
        RepositoryName repository, TriageReport report, TemplateSet templates, TokenIdentity identity, DefectIssueSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var drafts = Drafts(report, templates, settings);
        if (drafts.Count == 0)
        {
            return [];
        }

        // Every lookup completes before the first write.
        var existing = new Dictionary<string, GitHubIssue>(StringComparer.Ordinal);
        await foreach (var issue in client.Issues.ListByLabelAsync(repository, settings.Labels[0], cancellationToken))
        {
            if (!identity.Authored(issue.User))
            {
                continue;
            }

            foreach (var draft in drafts)
            {
                if (HiddenMarker.IsIn(issue.Body, draft.Marker))
                {
                    existing.TryAdd(draft.Marker, issue);
                }
            }
        }

        await EnsureLabelsAsync(repository, settings.Labels, cancellationToken);

        var outcomes = new List<IssueOutcome>();
        var opened = 0;
        foreach (var draft in drafts)
        {
            existing.TryGetValue(draft.Marker, out var issue);
            if (issue is { IsClosedAsNotPlanned: true })
            {
                outcomes.Add(new IssueOutcome(draft.TaskId, "left-closed", issue.Number, issue.HtmlUrl));
                continue;
            }

            var body = WithOccurrences(draft.Body, issue?.Body, draft.Occurrence);
            if (issue is not null && issue.IsOpen && StickyComment.Same(issue.Body, body))
            {
                outcomes.Add(new IssueOutcome(draft.TaskId, "unchanged", issue.Number, issue.HtmlUrl));
                continue;
            }

            // The cap holds back what notifies people (new and reopened issues); quiet edits of open issues are not held back.
            if ((issue is null || !issue.IsOpen) && opened >= settings.MaxIssues)
            {
                outcomes.Add(new IssueOutcome(draft.TaskId, "over-cap", issue?.Number, issue?.HtmlUrl));
                continue;
            }

            if (issue is null || !issue.IsOpen)
            {
                opened++;
            }

            if (issue is null)
            {
                var created = await client.Issues.CreateAsync(repository, new NewIssue(draft.Title, body, settings.Labels), cancellationToken);
                outcomes.Add(new IssueOutcome(draft.TaskId, "created", created.Number, created.HtmlUrl));
            }
            else if (!issue.IsOpen)
            {
                var reopened = await client.Issues.UpdateAsync(repository, issue.Number, new IssueUpdate(Body: body, State: "open", StateReason: "reopened"), cancellationToken);
                await client.IssueComments.CreateAsync(repository, issue.Number, new NewComment(
                    $"TriageCI judged this task defective again{(settings.RunUrl is { } url ? $" in [this run]({PrCommentLinks.Safe(url)})" : string.Empty)}, so the issue is reopened. If the task is not defective, close the issue as not planned and TriageCI will leave it closed."),
                    cancellationToken);
                outcomes.Add(new IssueOutcome(draft.TaskId, "reopened", reopened.Number, reopened.HtmlUrl));
            }
            else
            {
                var updated = await client.Issues.UpdateAsync(repository, issue.Number, new IssueUpdate(Body: body), cancellationToken);
                outcomes.Add(new IssueOutcome(draft.TaskId, "updated", updated.Number, updated.HtmlUrl));
            }
        }

        return outcomes;
    }

    /// <summary>The issues a run would file: title, marker and body (without earlier occurrences), in task order.</summary>
    public static IReadOnlyList<IssueDraft> Drafts(TriageReport report, TemplateSet templates, DefectIssueSettings settings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(settings);
        var benchmark = report.Run.Benchmark ?? report.Run.Format;
        return ReportViews.DefectIssues(report).Select(view =>
        {
            var marker = HiddenMarker.For("defect", $"{benchmark}/{view.TaskId}");
            var title = $"TriageCI: task {view.TaskId} looks defective ({view.ClassName.ToLowerInvariant()})";
            var occurrence = Occurrence(view, settings.RunUrl);
            var budget = PrCommentRenderer.GitHubBodyLimit - marker.Length - OccurrencesBlockAllowance;
            return new IssueDraft(view.TaskId, title.Length > MaxTitleChars ? title[..(MaxTitleChars - 1)] + "…" : title, marker, marker + "\n" + Fit(templates, view, budget), occurrence);
        }).ToList();
    }

    /// <summary>Room kept for the occurrences list: <see cref="MaxOccurrences"/> lines of at most 400 characters.</summary>
    private const int OccurrencesBlockAllowance = 200 + (MaxOccurrences * 400);

    /// <summary>The issue body within <paramref name="budget"/>: excerpts go first, then evidence, then trials beyond the first few.</summary>
    private static string Fit(TemplateSet templates, DefectIssueView view, int budget)
    {
        var text = templates.Render(TemplateSet.DefectIssue, view);
        if (text.Length <= budget)
        {
            return text;
        }

        var noExcerpts = view with { Verdicts = view.Verdicts.Select(v => v with { Evidence = v.Evidence.Select(e => e with { Excerpt = null }).ToList() }).ToList() };
        text = templates.Render(TemplateSet.DefectIssue, noExcerpts);
        if (text.Length <= budget)
        {
            return text + "\nEvidence excerpts were left out to fit GitHub's limit; the report artifact has them.\n";
        }

        var noEvidence = noExcerpts with { Verdicts = noExcerpts.Verdicts.Select(v => v with { Evidence = [], Rationale = v.Reason }).ToList() };
        for (var keep = noEvidence.Verdicts.Count; keep >= 1; keep = keep / 2)
        {
            text = templates.Render(TemplateSet.DefectIssue, noEvidence with { Verdicts = noEvidence.Verdicts.Take(keep).ToList() });
            if (text.Length <= budget)
            {
                return text + $"\nEvidence and {noEvidence.Verdicts.Count - keep} of {noEvidence.Verdicts.Count} trials were left out to fit GitHub's limit; the report artifact has them.\n";
            }

            if (keep == 1)
            {
                break;
            }
        }

        return $"## Task {MarkdownText.CodeSpan(view.TaskId)} looks defective: {MarkdownText.Inline(view.ClassName)}\n\nThe details do not fit an issue with this template; they are in the report artifact.\n";
    }

    private static string Occurrence(DefectIssueView view, string? runUrl)
    {
        var link = PrCommentLinks.Safe(runUrl) is { } url ? $" · [workflow run]({url})" : string.Empty;
        var model = view.Run.Model is { } m ? $" · model {MarkdownText.CodeSpan(m)}" : string.Empty;
        var line = $"- {view.GeneratedAt}{link} · {MarkdownText.Inline(view.Run.Title)}{model} · {view.Trials}, {MarkdownText.Inline(view.ClassName.ToLowerInvariant())}";
        return line.Length > 400 ? $"- {view.GeneratedAt}{link} · {view.Trials}" : line;
    }

    /// <summary>The new body with the occurrences the issue already lists (newest last, at most <see cref="MaxOccurrences"/>) and this one.</summary>
    internal static string WithOccurrences(string body, string? previousBody, string occurrence)
    {
        var lines = Occurrences(previousBody).Where(l => l != occurrence).Append(occurrence).TakeLast(MaxOccurrences);
        var text = new StringBuilder(body.TrimEnd('\n')).Append("\n\n### Occurrences\n\n").Append(OccurrencesStart).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.Append(OccurrencesEnd).Append('\n').ToString();
    }

    private static IEnumerable<string> Occurrences(string? body)
    {
        if (body is null)
        {
            return [];
        }

        var start = body.IndexOf(OccurrencesStart, StringComparison.Ordinal);
        var end = body.IndexOf(OccurrencesEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return [];
        }

        return body[(start + OccurrencesStart.Length)..end]
            .ReplaceLineEndings("\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal));
    }

    private async Task EnsureLabelsAsync(RepositoryName repository, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        foreach (var label in labels)
        {
            if (await client.Labels.GetAsync(repository, label, cancellationToken) is not null)
            {
                continue;
            }

            try
            {
                await client.Labels.CreateAsync(repository, new NewLabel(label, "d93f0b", "Filed by TriageCI: a benchmark task that looks defective"), cancellationToken);
            }
            catch (GitHubValidationException ex) when (ex.Errors.Any(e => e.Code == "already_exists"))
            {
                // Created meanwhile by a parallel job: what we wanted.
            }
        }
    }
}
