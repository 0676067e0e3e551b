using System.Diagnostics;
using Markdig.Syntax;
using TriageCI.Core.Reports.Markdown;
using TriageCI.GitHub.Actions;
using TriageCI.GitHub.Publishing;
using TriageCI.GitHub.Rendering;
using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Rendering;

public class PrCommentRenderingTests
{
    private static readonly PrCommentLinks Links = PrCommentLinks.ForRun("https://github.com/octo-org/bench/actions/runs/4242");

    [Fact]
    public async Task The_comment_for_the_sample_run_is_the_approved_one()
    {
        var report = await TestReports.SampleRunAsync();

        var rendering = PrCommentRenderer.Render(TemplateSet.LoadDefaults(), report, Links, _ => true);

        Approvals.Verify("pr-comment-sample-run", rendering.Text);
        var document = MarkdownChecks.AssertWellFormed(rendering.Text);
        Assert.Equal("mermaid", Assert.Single(document.Descendants<FencedCodeBlock>(), f => f.Info == "mermaid").Info);
        Assert.Empty(rendering.Omitted);
    }

    [Fact]
    public void A_3000_task_report_fits_a_comment_stays_well_formed_and_says_what_was_left_out()
    {
        var report = TestReports.Large(3000);
        var marker = HiddenMarker.For("comment", "Benchmark/triage/terminal-bench@2.0");
        var clock = Stopwatch.StartNew();

        var rendering = PrCommentRenderer.Render(TemplateSet.LoadDefaults(), report, Links, text => StickyComment.Body(marker, text).Length <= PrCommentRenderer.GitHubBodyLimit);

        clock.Stop();
        var body = StickyComment.Body(marker, rendering.Text);
        TestContext.Current.SendDiagnosticMessage($"3,000-task comment: {body.Length:N0} characters, rendered in {clock.ElapsedMilliseconds:N0} ms; left out: {string.Join("; ", rendering.Omitted)}");
        Assert.True(rendering.Fits);
        Assert.InRange(body.Length, 30_000, PrCommentRenderer.GitHubBodyLimit);
        MarkdownChecks.AssertWellFormed(body);
        Assert.Contains("Shortened to fit GitHub's limit: evidence excerpts; the remaining evidence and the long rationales; the task-defect details (one row per trial instead); ", rendering.Text);
        Assert.Contains("more agent errors.", rendering.Text);
        Assert.Contains($"### Task defects ({report.Score.TaskDefects})", rendering.Text);
        Assert.Contains("```mermaid", rendering.Text);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(150)]
    [InlineData(600)]
    public void Each_size_uses_the_least_shortening_that_fits(int tasks)
    {
        var report = TestReports.Large(tasks);

        var rendering = PrCommentRenderer.Render(TemplateSet.LoadDefaults(), report, Links, text => text.Length <= PrCommentRenderer.GitHubBodyLimit);

        Assert.True(rendering.Text.Length <= PrCommentRenderer.GitHubBodyLimit);
        MarkdownChecks.AssertWellFormed(rendering.Text);
        var full = PrCommentRenderer.Render(TemplateSet.LoadDefaults(), report, Links, _ => true).Text;
        Assert.Equal(full.Length <= PrCommentRenderer.GitHubBodyLimit, rendering.Omitted.Count == 0);
    }

    [Fact]
    public void Hostile_benchmark_text_cannot_mention_inject_html_or_break_out_of_fences_even_in_full()
    {
        var report = TestReports.Large(30);

        var rendering = PrCommentRenderer.Render(TemplateSet.LoadDefaults(), report, Links, _ => true);

        Assert.Contains("@&#8203;octocat", rendering.Text);
        Assert.Contains("\\<script\\>", rendering.Text);
        var document = MarkdownChecks.AssertWellFormed(rendering.Text);
        Assert.Contains(document.Descendants<FencedCodeBlock>(), f => f.Lines.ToString().Contains("```` and ~~~", StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_template_too_big_for_any_shortening_falls_back_to_the_score_and_a_link()
    {
        using var temp = new TempFolder();
        temp.Write("pr-comment.md.hbs", "{{run.title}}\n" + new string('x', 70_000));
        var templates = TemplateSet.Load(temp.Path);

        var rendering = PrCommentRenderer.Render(templates, TestReports.Large(20), Links, text => text.Length <= PrCommentRenderer.GitHubBodyLimit);

        Assert.True(rendering.Fits);
        Assert.StartsWith("## TriageCI: terminal-bench@2.0 · terminus-2 · openai/gpt-4o\n\nScore: raw **", rendering.Text);
        Assert.Contains("[the job summary](https://github.com/octo-org/bench/actions/runs/4242)", rendering.Text);
    }

    [Fact]
    public async Task The_step_summary_of_a_3000_task_run_stays_within_one_mebibyte()
    {
        var report = TestReports.Large(3000);
        using var actions = new ActionsRun("push", new System.Text.Json.Nodes.JsonObject { ["after"] = "abc" });

        await actions.ReportAsync(report, new GitHubSettings { DryRun = true });

        var bytes = new FileInfo(actions.SummaryPath).Length;
        TestContext.Current.SendDiagnosticMessage($"3,000-task step summary: {bytes:N0} bytes; summary.md alone: {new FileInfo(Path.Combine(actions.Output, "summary.md")).Length:N0} bytes");
        Assert.InRange(bytes, 100_000, StepSummary.MaxBytes);
        MarkdownChecks.AssertWellFormed(actions.Summary());
        Assert.Contains("Dry run: nothing was written to GitHub", actions.Summary());
    }
}
