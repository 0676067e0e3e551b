using TriageCI.Cli.Diagnostics;
using TriageCI.Core.Diagnostics;

namespace TriageCI.Cli.Tests.Run;

/// <summary><c>triage run --diagnostics msbuild</c>: what a build sees of a run, in MSBuild's canonical format.</summary>
public class MSBuildDiagnosticsTests
{
    private static string[] DiagnosticLines(string printed) =>
        printed.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": warning TRIAGE", StringComparison.Ordinal) || l.Contains(": error", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task Findings_are_warnings_anchored_at_the_file_and_line_their_evidence_names()
    {
        using var output = new TempFolder();

        var (exit, printed, error) = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--out", output.Path, "--diagnostics", "msbuild");

        Assert.Equal((int)ExitCode.Success, exit);
        Assert.Equal(string.Empty, error);
        var lines = DiagnosticLines(printed);
        Assert.Equal(6, lines.Length);
        Assert.Contains(
            $"{RepositoryPaths.SampleRun}/jobs/acme-agent-sample/sql-migrate__EnvFa1l/verifier/test-stdout.txt(3): warning TRIAGE1002: sql-migrate (sql-migrate__EnvFa1l): environment failure, 60% confidence. R54: The task's test script could not find its own tooling, so the tests never judged the agent's work. Weaker rules also held: R62 (logical-failure).",
            lines);
        Assert.Contains(
            $"{RepositoryPaths.SampleRun}/jobs/acme-agent-sample/disk-usage__Trunc8d/result.json: warning TRIAGE9001: trial disk-usage__Trunc8d could not be read: malformed JSON at line 5, byte 41: Expected end of string, but instead reached end of data",
            lines);
    }

    [Theory]
    [InlineData("task-defect:5", ExitCode.Success, 0)]
    [InlineData("task-defect:4", ExitCode.ThresholdCrossed, 4)]
    [InlineData("task-defect:5,infra", ExitCode.ThresholdCrossed, 1)]
    public async Task Only_the_categories_of_crossed_thresholds_are_errors_so_errors_and_exit_code_agree(string failOn, ExitCode expected, int errors)
    {
        using var output = new TempFolder();

        var (exit, printed, _) = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--out", output.Path, "--diagnostics", "msbuild", "--fail-on", failOn);

        Assert.Equal((int)expected, exit);
        var lines = DiagnosticLines(printed);
        Assert.Equal(errors, lines.Count(l => l.Contains(": error TRIAGE", StringComparison.Ordinal)));
        Assert.Equal(expected == ExitCode.ThresholdCrossed, lines[^1].StartsWith("triage : error: --fail-on ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Input_and_usage_errors_carry_their_TRIAGE9xxx_code()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "no-such-run");

        var input = await CliRunner.RunAsync("run", missing, "--out", Path.Combine(temp.Path, "out"), "--diagnostics", "msbuild");
        var usage = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--fail-on", "laziness", "--diagnostics", "msbuild");
        var template = temp.Write("templates/summary.md.hbs", "{{#each verdicts}} unclosed");
        var templates = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--out", Path.Combine(temp.Path, "out"), "--templates", Path.GetDirectoryName(template)!, "--diagnostics", "msbuild");

        Assert.Equal(((int)ExitCode.InputError, $"{missing}: error TRIAGE9002: no such file or folder"), (input.Exit, input.Error.Trim()));
        Assert.Equal((int)ExitCode.UsageError, usage.Exit);
        Assert.StartsWith("triage : error TRIAGE9003: unknown --fail-on category 'laziness'", usage.Error, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.InputError, templates.Exit);
        Assert.Matches(@"summary\.md\.hbs: error TRIAGE9003: ", templates.Error);
    }

    [Fact]
    public async Task An_unknown_diagnostics_format_is_a_usage_error_that_names_the_formats()
    {
        var (exit, _, error) = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--diagnostics", "vs");

        Assert.Equal((int)ExitCode.UsageError, exit);
        Assert.Contains("Argument 'vs' not recognized. Must be one of:\n\t'none'\n\t'msbuild'", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_canonical_form_names_the_tool_where_no_file_is_to_blame_and_keeps_one_line()
    {
        var unanchored = new Diagnostic(DiagnosticCodes.InfraFailure, DiagnosticSeverity.Error, "api (api.1): infra failure.\nsecond line");
        var anchored = new Diagnostic(DiagnosticCodes.BrittleTests, DiagnosticSeverity.Warning, "t (t.1): brittle tests.", "/r/jobs/t/verifier/test-stdout.txt", 12);

        Assert.Equal("triage : error TRIAGE2001: api (api.1): infra failure. second line", MSBuildDiagnostics.Format(unanchored));
        Assert.Equal("/r/jobs/t/verifier/test-stdout.txt(12): warning TRIAGE1003: t (t.1): brittle tests.", MSBuildDiagnostics.Format(anchored));
    }
}
