using Microsoft.Build.Framework;

namespace TriageCI.MSBuild.Tests.Unit;

/// <summary>The task against the real tool, run out of process as a build runs it.</summary>
public class RunTriageTests
{
    private static (RunTriage Task, RecordingBuildEngine Engine) Task(string output, string? failOn = null)
    {
        var engine = new RecordingBuildEngine();
        var task = new RunTriage
        {
            BuildEngine = engine,
            ToolAssembly = ToolBuild.TriageDll,
            Results = RepositoryPaths.SampleRun,
            OutputPath = output,
            FailOn = failOn,
        };
        return (task, engine);
    }

    [Fact]
    public void Task_defects_infrastructure_failures_and_unreadable_trials_become_coded_warnings_and_the_rest_a_quiet_message()
    {
        using var output = new TempFolder();
        var (task, engine) = Task(output.Path);

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        Assert.Equal(
            [
                ("TRIAGE2001", "jobs/acme-agent-sample/api-client__Infra0k/result.json", 0),
                ("TRIAGE1003", "jobs/acme-agent-sample/report-format__Br1ttle/verifier/test-stdout.txt", 0),
                ("TRIAGE1004", "jobs/acme-agent-sample/secret-decoder__Leak3d1/result.json", 0),
                ("TRIAGE1002", "jobs/acme-agent-sample/sql-migrate__EnvFa1l/verifier/test-stdout.txt", 3),
                ("TRIAGE1001", "jobs/acme-agent-sample/summary-output__Amb1gus/verifier/test-stdout.txt", 0),
                ("TRIAGE9001", "jobs/acme-agent-sample/disk-usage__Trunc8d/result.json", 0),
            ],
            engine.Warnings.Select(w => (w.Code, Path.GetRelativePath(RepositoryPaths.SampleRun, w.File).Replace('\\', '/'), w.LineNumber)));
        Assert.StartsWith("sql-migrate (sql-migrate__EnvFa1l): environment failure, 60% confidence. R54:", engine.Warnings[3].Message, StringComparison.Ordinal);
        Assert.True(File.Exists(task.ReportPath));
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.Contains("13 trials, 1 passed, 11 failed and triaged, 1 unreadable", StringComparison.Ordinal));
    }

    [Fact]
    public void A_crossed_threshold_fails_the_task_with_its_findings_as_errors_and_no_generic_exit_code_error()
    {
        using var output = new TempFolder();
        var (task, engine) = Task(output.Path, failOn: "task-defect");

        Assert.False(task.Execute());

        Assert.Equal(1, task.ExitCode);
        Assert.Equal(["TRIAGE1003", "TRIAGE1004", "TRIAGE1002", "TRIAGE1001", ""], engine.Errors.Select(e => e.Code));
        Assert.Equal("--fail-on task-defect:1 crossed: 4 failed trials.", engine.Errors[^1].Message);
        Assert.Equal(["TRIAGE2001", "TRIAGE9001"], engine.Warnings.Select(w => w.Code));
        Assert.True(File.Exists(task.ReportPath), "the report is written whatever the threshold says");
    }

    [Fact]
    public void A_missing_tool_is_a_coded_error_naming_the_path()
    {
        using var output = new TempFolder();
        var (task, engine) = Task(output.Path);
        task.ToolAssembly = Path.Combine(output.Path, "tools", "triage.dll");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("TRIAGE9003", task.ToolAssembly), (error.Code, error.File));
        Assert.Contains($"The triage tool is missing: '{task.ToolAssembly}' does not exist.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_setting_reaches_the_tool_and_comes_back_as_its_usage_error()
    {
        using var output = new TempFolder();
        var (task, engine) = Task(output.Path);
        task.Concurrency = "0";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("TRIAGE9003", "triage", "--concurrency must be at least 1."), (error.Code, error.File, error.Message));
    }

    [Fact]
    public void Everything_else_the_tool_prints_is_a_message_even_when_it_reads_like_an_error()
    {
        Assert.True(ToolOutputLine.IsDiagnostic("/r/jobs/a/result.json(3): warning TRIAGE1003: a (a.1): brittle tests"));
        Assert.True(ToolOutputLine.IsDiagnostic("triage : error TRIAGE9003: --concurrency must be at least 1."));
        Assert.True(ToolOutputLine.IsDiagnostic("triage : error: --fail-on infra:1 crossed: 1 failed trials."));
        Assert.False(ToolOutputLine.IsDiagnostic("unreadable jobs/a/result.json: error: malformed JSON"));
        Assert.False(ToolOutputLine.IsDiagnostic("tests/test_x.py:12: error CS1002: ; expected"));
        Assert.False(ToolOutputLine.IsDiagnostic("│ Task defect    │ Ambiguous spec      │      1 │"));
    }
}
