using System.Globalization;
using TriageCI.Core.Reports.Json;
using TriageCI.Core.Taxonomy;

namespace TriageCI.MSBuild.Tests.Unit;

public class ReadTriageReportTests(SampleRunReport sample) : IClassFixture<SampleRunReport>
{
    private static (ReadTriageReport Task, RecordingBuildEngine Engine) Task(string report)
    {
        var engine = new RecordingBuildEngine();
        return (new ReadTriageReport { BuildEngine = engine, Report = report }, engine);
    }

    [Fact]
    public async Task Every_verdict_becomes_an_item_with_the_reports_own_values()
    {
        var expected = await TriageReportJson.ReadFileAsync(sample.Path, TestContext.Current.CancellationToken);
        var (task, engine) = Task(sample.Path);

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        Assert.Equal(expected.Verdicts.Count, task.Verdicts.Length);
        foreach (var (verdict, item) in expected.Verdicts.Zip(task.Verdicts))
        {
            Assert.Equal(verdict.TrialId, item.ItemSpec);
            Assert.Equal(verdict.TaskId, item.GetMetadata("TaskId"));
            Assert.Equal(verdict.TrialId, item.GetMetadata("TrialId"));
            Assert.Equal(FailureTaxonomy.IdOf(verdict.Category), item.GetMetadata("Category"));
            Assert.Equal(verdict.Subcategory is { } s ? FailureTaxonomy.IdOf(s) : "", item.GetMetadata("Subcategory"));
            Assert.Equal(verdict.Leaning is { } l ? FailureTaxonomy.IdOf(l) : "", item.GetMetadata("Leaning"));
            Assert.Equal(verdict.ClassId, item.GetMetadata("ClassId"));
            Assert.Equal(verdict.Confidence, double.Parse(item.GetMetadata("Confidence"), CultureInfo.InvariantCulture), 4);
            Assert.Equal(FailureTaxonomy.IdOf(verdict.Action), item.GetMetadata("Action"));
            Assert.Equal(verdict.TrialPath ?? "", item.GetMetadata("TrialPath"));
        }
    }

    [Fact]
    public void Counts_and_scores_come_from_the_reports_score()
    {
        var (task, engine) = Task(sample.Path);

        Assert.True(task.Execute());

        Assert.Equal((13, 1, 11, 1, 4, 1, 5, 1), (task.Trials, task.Resolved, task.Failed, task.Unreadable, task.TaskDefects, task.InfrastructureFailures, task.AgentErrors, task.Undetermined));
        Assert.Equal(("0.0769", "0.125"), (task.RawScore, task.AdjustedScore));
        Assert.Contains(engine.Messages, m => m.Message == $"TriageCI: 13 trials, 1 resolved, 11 failed (4 task defects, 1 infrastructure, 5 agent errors, 1 undetermined), 1 unreadable; score 7.7% raw, 12.5% adjusted. Reports: {Path.GetDirectoryName(sample.Path)}");
    }

    [Fact]
    public void Numbers_are_invariant_whatever_the_builds_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // A culture that writes 0,125, as German does (the test host has no culture data to load de-DE from).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.PercentDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;
            var (task, _) = Task(sample.Path);

            Assert.True(task.Execute());

            Assert.Equal("0.125", task.AdjustedScore);
            Assert.All(task.Verdicts, v => Assert.DoesNotContain(",", v.GetMetadata("Confidence"), StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_run_without_failures_has_no_items_and_an_undefined_score_stays_empty()
    {
        using var folder = new TempFolder();
        var report = folder.Write("triage-report.json", """
            {"schema_version":"1.3","score":{"trials":0,"resolved":0,"failed":0,"unreadable":0,"task_defects":0,"infrastructure_failures":0,"agent_errors":0,"undetermined":0},"verdicts":[],"future_field":{"x":[1,2]}}
            """);
        var (task, engine) = Task(report);

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        Assert.Empty(task.Verdicts);
        Assert.Equal(("", ""), (task.RawScore, task.AdjustedScore));
    }

    [Theory]
    [InlineData(null, "the report does not exist; run the Triage target to write it")]
    [InlineData("""{"schema_version":"2.0","score":{},"verdicts":[]}""", "schema_version 2.0 is not supported; this TriageCI.MSBuild reads 1.x")]
    [InlineData("""{"schema_version":"1.0","score":{"trials":1},"verdicts":[""", "not a readable triage report (")]
    public void A_missing_unreadable_or_incompatible_report_is_a_coded_error_naming_the_file(string? content, string problem)
    {
        using var folder = new TempFolder();
        var report = content is null ? Path.Combine(folder.Path, "triage-report.json") : folder.Write("triage-report.json", content);
        var (task, engine) = Task(report);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("TRIAGE9004", report), (error.Code, error.File));
        Assert.StartsWith(problem, error.Message, StringComparison.Ordinal);
    }
}
