using TriageCI.Core.Reports;
using TriageCI.Core.Reports.Markdown;

namespace TriageCI.GitHub.Rendering;

/// <summary>
/// Renders <c>pr-comment.md.hbs</c> within a budget by shortening the view, never the text, so no table, code fence
/// or <c>&lt;details&gt;</c> block is ever cut. In order, until it fits: drop evidence excerpts; drop the remaining
/// evidence and long rationales; collapse task defects to one table row each; then drop table rows, first of agent
/// errors, undetermined and unreadable trials, and only then of infrastructure failures and task defects (each list
/// says how many it left out). What was left out is stated in the rendering.
/// </summary>
public static class PrCommentRenderer
{
    public const string Template = "pr-comment.md.hbs";

    /// <summary>GitHub refuses comment and issue bodies longer than this.</summary>
    public const int GitHubBodyLimit = 65_536;

    public static BudgetedRendering Render(TemplateSet templates, TriageReport report, PrCommentLinks links, Func<string, bool> fits)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(fits);

        var full = FromSummary(ReportViews.Summary(report), links);
        string Draw(PrCommentView view) => templates.Render(Template, view);

        var text = Draw(full);
        if (fits(text))
        {
            return new BudgetedRendering(text, [], true);
        }

        var noExcerpts = Omit(WithEvidence(full, e => e with { Excerpt = null }, keepRationale: true), "evidence excerpts");
        text = Draw(noExcerpts);
        if (fits(text))
        {
            return Done(text, noExcerpts);
        }

        var noEvidence = Omit(WithEvidence(noExcerpts, null, keepRationale: false), "the remaining evidence and the long rationales");
        text = Draw(noEvidence);
        if (fits(text))
        {
            return Done(text, noEvidence);
        }

        var rows = Omit(noEvidence with { DefectsAsRows = true }, "the task-defect details (one row per trial instead)");
        text = Draw(rows);
        if (fits(text))
        {
            return Done(text, rows);
        }

        // Rows go last, and the least important first: agent errors, undetermined and unreadable trials.
        var lowMax = Math.Max(rows.AgentErrors.Count, Math.Max(rows.Undetermined.Count, rows.Unreadable.Count));
        if (Largest(lowMax, k => fits(Draw(Cap(rows, k, int.MaxValue)))) is { } low)
        {
            var capped = RowsOmitted(Cap(rows, low, int.MaxValue));
            return Done(Draw(capped), capped);
        }

        var highMax = Math.Max(rows.TaskDefects.Count, Math.Max(rows.Infrastructure.Count, rows.Rerun.TaskIds.Count));
        if (Largest(highMax, k => fits(Draw(Cap(rows, 0, k)))) is { } high)
        {
            var capped = RowsOmitted(Cap(rows, 0, high));
            return Done(Draw(capped), capped);
        }

        var fallback = Fallback(full);
        return new BudgetedRendering(fallback, ["everything but the score"], fits(fallback));
    }

    /// <summary>The pr-comment view of the whole report, nothing left out.</summary>
    public static PrCommentView FromSummary(SummaryView summary, PrCommentLinks links)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(links);
        var counts = new PrCommentCounts
        {
            TaskDefects = summary.TaskDefects.Count,
            Infrastructure = summary.Infrastructure.Count,
            AgentErrors = summary.AgentErrors.Count,
            Undetermined = summary.Undetermined.Count,
            Unreadable = summary.Unreadable.Count,
            RerunTasks = summary.Rerun.TaskIds.Count,
        };
        return new PrCommentView
        {
            Run = summary.Run,
            Score = summary.Score,
            Categories = summary.Categories,
            Classes = summary.Classes,
            Chart = summary.Categories.Where(c => c.Count > 0).Select(c => new ChartSlice(c.Name, c.Count)).ToList(),
            Counts = counts,
            TaskDefects = summary.TaskDefects,
            DefectsAsRows = false,
            Infrastructure = summary.Infrastructure,
            Rerun = summary.Rerun,
            AgentErrors = summary.AgentErrors,
            Undetermined = summary.Undetermined,
            Unreadable = summary.Unreadable,
            More = new PrCommentCounts(),
            Omitted = [],
            Links = links,
            HasFailures = summary.HasFailures,
            GeneratedAt = summary.GeneratedAt,
            Tool = summary.Tool,
            TaxonomyVersion = summary.TaxonomyVersion,
            Judge = summary.Judge,
        };
    }

    private static BudgetedRendering Done(string text, PrCommentView view) => new(text, view.Omitted, true);

    private static PrCommentView Omit(PrCommentView view, string what) => view with { Omitted = [.. view.Omitted, what] };

    private static PrCommentView WithEvidence(PrCommentView view, Func<EvidenceView, EvidenceView>? keep, bool keepRationale)
    {
        VerdictView Strip(VerdictView v) => v with
        {
            Evidence = keep is null ? [] : v.Evidence.Select(keep).ToList(),
            Rationale = keepRationale ? v.Rationale : v.Reason,
        };

        return view with { TaskDefects = view.TaskDefects.Select(Strip).ToList() };
    }

    /// <summary>At most <paramref name="low"/> rows of the minor lists and <paramref name="high"/> of the major ones.</summary>
    private static PrCommentView Cap(PrCommentView view, int low, int high)
    {
        var rerunIds = view.Rerun.TaskIds.Take(high).ToList();
        var rerunCut = rerunIds.Count < view.Rerun.TaskIds.Count;
        return view with
        {
            AgentErrors = view.AgentErrors.Take(low).ToList(),
            Undetermined = view.Undetermined.Take(low).ToList(),
            Unreadable = view.Unreadable.Take(low).ToList(),
            TaskDefects = view.TaskDefects.Take(high).ToList(),
            Infrastructure = view.Infrastructure.Take(high).ToList(),

            // A command naming only some tasks would re-run the wrong set: rerun.txt has the whole one.
            Rerun = rerunCut ? view.Rerun with { TaskIds = rerunIds, Command = null } : view.Rerun,
            More = new PrCommentCounts
            {
                AgentErrors = view.Counts.AgentErrors - Math.Min(low, view.AgentErrors.Count),
                Undetermined = view.Counts.Undetermined - Math.Min(low, view.Undetermined.Count),
                Unreadable = view.Counts.Unreadable - Math.Min(low, view.Unreadable.Count),
                TaskDefects = view.Counts.TaskDefects - Math.Min(high, view.TaskDefects.Count),
                Infrastructure = view.Counts.Infrastructure - Math.Min(high, view.Infrastructure.Count),
                RerunTasks = view.Counts.RerunTasks - rerunIds.Count,
            },
        };
    }

    private static PrCommentView RowsOmitted(PrCommentView view)
    {
        var more = view.More;
        var rows = more.AgentErrors + more.Undetermined + more.Unreadable + more.TaskDefects + more.Infrastructure;
        var what = $"{rows:N0} table rows";
        if (more.RerunTasks > 0)
        {
            what += $" and {more.RerunTasks:N0} of the tasks to re-run (with the re-run command)";
        }

        return Omit(view, what);
    }

    /// <summary>The largest k in [0, max] for which <paramref name="fits"/> holds (it holds for every smaller k too), or null.</summary>
    private static int? Largest(int max, Func<int, bool> fits)
    {
        if (!fits(0))
        {
            return null;
        }

        int good = 0, bad = max + 1;
        while (bad - good > 1)
        {
            var middle = good + ((bad - good) / 2);
            if (fits(middle))
            {
                good = middle;
            }
            else
            {
                bad = middle;
            }
        }

        return good;
    }

    private static string Fallback(PrCommentView view)
    {
        var link = view.Links.SummaryUrl is { } url ? $" in [the job summary]({url})" : " in the job summary";
        return $"## TriageCI: {MarkdownText.Inline(view.Run.Title)}\n\n" +
            $"Score: raw **{view.Score.RawPercent}**, adjusted **{view.Score.AdjustedPercent}**. " +
            $"{view.Counts.TaskDefects} task defects, {view.Counts.AgentErrors} agent errors, {view.Counts.Infrastructure} infrastructure failures, {view.Counts.Undetermined} undetermined.\n\n" +
            $"The report does not fit a comment with this template; it is{link} and the report artifact.\n";
    }

}
