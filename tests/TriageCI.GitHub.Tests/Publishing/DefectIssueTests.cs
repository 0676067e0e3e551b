using TriageCI.Core.Reports;
using TriageCI.Core.Reports.Markdown;
using TriageCI.GitHub.Publishing;
using TriageCI.GitHub.Rest;
using TriageCI.GitHub.Tests.Fakes;
using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Publishing;

public class DefectIssueTests
{
    private static readonly RepositoryName Repo = new("octo-org", "bench");
    private static readonly TokenIdentity Bot = new((string?)null);
    private static readonly FakeUser BotUser = new("github-actions[bot]", 41898282, "Bot");

    [Fact]
    public async Task One_labelled_issue_per_defective_task_with_the_defect_evidence_and_reproduction_command()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();

        var outcomes = await PublishAsync(fake, report, new DefectIssueSettings { RunUrl = "https://github.com/octo-org/bench/actions/runs/1" });

        var defective = report.Verdicts.Where(v => v.Category == Core.Taxonomy.FailureCategory.TaskDefect).Select(v => v.TaskId).Distinct().Order().ToList();
        Assert.Equal(4, defective.Count);
        Assert.Equal(defective, outcomes.Select(o => o.TaskId));
        Assert.All(outcomes, o => Assert.Equal("created", o.Action));
        Assert.Equal(4, fake.Issues.Count);
        Assert.Equal(["task-defect", "triageci"], fake.Labels.Select(l => l.Name).Order());
        var issue = fake.Issues.Single(i => i.Body.Contains("report-format", StringComparison.Ordinal));
        Assert.Equal(["triageci", "task-defect"], issue.Labels);
        Assert.StartsWith("<!-- triageci:defect sample-tasks@1.0/report-format -->\n## Task `report-format` looks defective: Brittle tests", issue.Body);
        Assert.Contains("triage reproduce triage-report.json report-format", issue.Body);
        Assert.Contains("Evidence:", issue.Body);
        Assert.Contains("[workflow run](https://github.com/octo-org/bench/actions/runs/1)", issue.Body);
        Assert.Equal("TriageCI: task report-format looks defective (brittle tests)", issue.Title);
    }

    [Fact]
    public async Task A_later_run_updates_the_same_issues_and_adds_its_occurrence()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        await PublishAsync(fake, report, new DefectIssueSettings { RunUrl = "https://github.com/octo-org/bench/actions/runs/1" });

        var outcomes = await PublishAsync(fake, report with { GeneratedAt = report.GeneratedAt.AddDays(1) }, new DefectIssueSettings { RunUrl = "https://github.com/octo-org/bench/actions/runs/2" });

        Assert.All(outcomes, o => Assert.Equal("updated", o.Action));
        Assert.Equal(4, fake.Issues.Count);
        var body = fake.Issues[0].Body;
        Assert.Contains("actions/runs/1", body);
        Assert.Contains("actions/runs/2", body);
        Assert.Equal(2, body.Split('\n').Count(l => l.StartsWith("- 2025-08-1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_issue_closed_as_completed_is_reopened_and_one_closed_as_not_planned_is_left_alone()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        await PublishAsync(fake, report, new DefectIssueSettings());
        var fixedOne = fake.Issues.Single(i => i.Body.Contains("/report-format -->", StringComparison.Ordinal));
        var wontFix = fake.Issues.Single(i => i.Body.Contains("/summary-output -->", StringComparison.Ordinal));
        (fixedOne.State, fixedOne.StateReason) = ("closed", "completed");
        (wontFix.State, wontFix.StateReason) = ("closed", "not_planned");
        var wontFixBody = wontFix.Body;

        var outcomes = (await PublishAsync(fake, report with { GeneratedAt = report.GeneratedAt.AddDays(1) }, new DefectIssueSettings())).ToDictionary(o => o.TaskId, o => o.Action);

        Assert.Equal("reopened", outcomes["report-format"]);
        Assert.Equal("left-closed", outcomes["summary-output"]);
        Assert.Equal(("open", "reopened"), (fixedOne.State, fixedOne.StateReason));
        Assert.Equal(("closed", "not_planned"), (wontFix.State, wontFix.StateReason));
        Assert.Equal(wontFixBody, wontFix.Body);
        Assert.Contains("defective again", Assert.Single(fake.CommentsOn(fixedOne.Number)).Body);
        Assert.Equal(4, fake.Issues.Count);
    }

    [Fact]
    public async Task The_cap_holds_back_new_issues_which_follow_in_later_runs()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();

        var first = await PublishAsync(fake, report, new DefectIssueSettings { MaxIssues = 3 });
        var second = await PublishAsync(fake, report with { GeneratedAt = report.GeneratedAt.AddDays(1) }, new DefectIssueSettings { MaxIssues = 3 });

        Assert.Equal(["created", "created", "created", "over-cap"], first.Select(o => o.Action));
        Assert.Equal(["updated", "updated", "updated", "created"], second.Select(o => o.Action));
        Assert.Equal(4, fake.Issues.Count);
    }

    [Fact]
    public async Task Issues_are_never_found_by_title_nor_taken_from_someone_else()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        var sameTitle = fake.AddIssue("TriageCI: task report-format looks defective (brittle tests)", "filed by hand", BotUser, ["triageci"]);
        var pasted = fake.AddIssue("report-format is broken", "<!-- triageci:defect sample-tasks@1.0/report-format -->\nsee the bot", FakeUser.Person, ["triageci"]);

        await PublishAsync(fake, report, new DefectIssueSettings());

        Assert.Equal("filed by hand", sameTitle.Body);
        Assert.Equal("<!-- triageci:defect sample-tasks@1.0/report-format -->\nsee the bot", pasted.Body);
        Assert.Equal(6, fake.Issues.Count);
    }

    [Fact]
    public async Task Closed_issues_on_later_pages_are_found_again()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        await PublishAsync(fake, report, new DefectIssueSettings());
        for (var i = 0; i < 7; i++)
        {
            fake.AddIssue($"other {i}", "unrelated", FakeUser.Person, ["triageci"], state: "closed", stateReason: "completed");
        }

        fake.MaxPageSize = 2;
        var outcomes = await PublishAsync(fake, report with { GeneratedAt = report.GeneratedAt.AddDays(1) }, new DefectIssueSettings());

        Assert.All(outcomes, o => Assert.Equal("updated", o.Action));
        Assert.Equal(11, fake.Issues.Count);
    }

    [Fact]
    public async Task When_the_issue_lookup_fails_no_issue_is_created()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.Fail("GET", "/issues$", 404, """{"message":"Not Found"}""");
        var report = await TestReports.SampleRunAsync();

        await Assert.ThrowsAsync<GitHubNotFoundException>(() => PublishAsync(fake, report, new DefectIssueSettings()));

        Assert.Empty(fake.Issues);
        Assert.DoesNotContain(fake.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task A_label_created_meanwhile_by_a_parallel_job_is_fine()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.Fail("GET", "/labels/triageci$", 404, """{"message":"Not Found"}""");
        fake.Labels.Add(new FakeLabel(1, "triageci", "ededed", null));
        var report = await TestReports.SampleRunAsync();

        var outcomes = await PublishAsync(fake, report, new DefectIssueSettings());

        Assert.All(outcomes, o => Assert.Equal("created", o.Action));
        Assert.Contains(fake.Requests, r => r.Method == "POST" && r.Path.EndsWith("/labels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_with_huge_evidence_still_fits_an_issue()
    {
        var report = TestReports.Large(40);
        var many = report with { Verdicts = report.Verdicts.Select(v => v with { TaskId = "one-task", Category = Core.Taxonomy.FailureCategory.TaskDefect, Subcategory = Core.Taxonomy.FailureClass.BrittleTests, Leaning = null }).ToList() };

        var draft = Assert.Single(DefectIssuePublisher.Drafts(many, TemplateSet.LoadDefaults(), new DefectIssueSettings()));
        var body = DefectIssuePublisher.WithOccurrences(draft.Body, null, draft.Occurrence);

        Assert.True(body.Length <= 65_536, $"{body.Length} characters");
        Assert.Contains("were left out to fit GitHub's limit", body);
        Assert.Contains("triage reproduce triage-report.json one-task", body);
    }

    private static async Task<IReadOnlyList<IssueOutcome>> PublishAsync(FakeGitHub fake, TriageReport report, DefectIssueSettings settings)
    {
        var (client, _) = Clients.For(fake);
        return await new DefectIssuePublisher(client).PublishAsync(Repo, report, TemplateSet.LoadDefaults(), Bot, settings, TestContext.Current.CancellationToken);
    }
}
