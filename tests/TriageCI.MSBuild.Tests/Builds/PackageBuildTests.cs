using System.Text;

namespace TriageCI.MSBuild.Tests.Builds;

/// <summary>
/// Real MSBuild: one example project per scenario, built with <c>dotnet build</c> against the freshly packed package.
/// Each asserts the exit code, and the exact diagnostic lines and items against an approved rendering beside this file.
/// </summary>
public class PackageBuildTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    private static Dictionary<string, string> Settings(string results, params (string Name, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["TriageResults"] = results, ["TriageAfterTargets"] = "Build" };
        foreach (var (name, value) in more)
        {
            settings[name] = value;
        }

        return settings;
    }

    private static string Rendering(int exit, IEnumerable<string> diagnostics, string? items)
    {
        var text = new StringBuilder($"exit code {exit}\n\ndiagnostics:\n");
        foreach (var line in diagnostics)
        {
            text.Append(line).Append('\n');
        }

        text.Append("\nitems:\n").Append(items ?? "(the build wrote none)\n");
        return text.ToString();
    }

    private static async Task<string?> ItemsOf(ExampleProject project) =>
        File.Exists(project.Items) ? project.Normalise(await File.ReadAllTextAsync(project.Items, TestContext.Current.CancellationToken)) : null;

    [Fact]
    public async Task A_run_with_no_failures_builds_clean_even_when_any_failure_would_fail_it()
    {
        var run = Path.Combine(package.Root, "passing-run");
        Directory.CreateDirectory(run);
        await File.WriteAllTextAsync(Path.Combine(run, "triage-manifest.jsonl"), """
            {"manifest_version": "1", "run_id": "nightly-7", "benchmark": "demo@1", "agent": "demo-agent", "model": "demo-model", "trial_count": 2}
            {"task_id": "hello", "trial_id": "hello.1", "outcome": {"status": "passed", "resolved": true, "reward": 1}}
            {"task_id": "fizzbuzz", "trial_id": "fizzbuzz.1", "outcome": {"status": "passed", "resolved": true, "reward": 1}}

            """, TestContext.Current.CancellationToken);
        var project = new ExampleProject(package, "clean", Settings(run, ("TriageFailOn", "any")));

        var (exit, diagnostics) = await project.BuildAsync();

        Assert.Equal(0, exit);
        Assert.Empty(diagnostics);
        Approvals.Verify("clean-run", Rendering(exit, diagnostics, await ItemsOf(project)), "txt");
    }

    [Fact]
    public async Task Task_defects_and_infrastructure_failures_are_warnings_and_a_second_build_does_not_run_the_tool_again()
    {
        var project = new ExampleProject(package, "sample", Settings(RepositoryPaths.SampleRun));

        var (exit, diagnostics) = await project.BuildAsync();
        var items = await ItemsOf(project);

        Assert.Equal(0, exit);
        Assert.Equal(6, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Contains(": warning TRIAGE", d, StringComparison.Ordinal));
        Approvals.Verify("sample-run-warnings", Rendering(exit, diagnostics, items), "txt");
        Assert.Contains($"{project.Report.Replace('\\', '/')}", File.ReadAllText(Path.Combine(project.Folder, "obj", "Debug", "net10.0", "Example.csproj.FileListAbsolute.txt")).Replace('\\', '/'), StringComparison.Ordinal);

        var written = File.GetLastWriteTimeUtc(project.Report);
        File.Delete(project.Items);
        var (again, quiet) = await project.BuildAsync("-v:n");

        Assert.Equal(0, again);
        Assert.Empty(quiet);
        Assert.Equal(written, File.GetLastWriteTimeUtc(project.Report));
        Assert.Equal(items, await ItemsOf(project));
    }

    [Fact]
    public async Task Fail_on_task_defect_turns_the_task_defects_into_errors_and_fails_the_build()
    {
        var project = new ExampleProject(package, "task-defects", Settings(RepositoryPaths.SampleRun, ("TriageFailOn", "task-defect")));

        var (exit, diagnostics) = await project.BuildAsync();

        Assert.Equal(1, exit);
        Assert.Equal(5, diagnostics.Count(d => d.Contains(": error", StringComparison.Ordinal)));
        Assert.True(File.Exists(project.Report), "the reports are written when the build fails");
        Approvals.Verify("sample-run-fail-on-task-defect", Rendering(exit, diagnostics, await ItemsOf(project)), "txt");
    }

    [Fact]
    public async Task Fail_on_infra_turns_the_infrastructure_failure_into_an_error_and_leaves_task_defects_warnings()
    {
        var project = new ExampleProject(package, "infra", Settings(RepositoryPaths.SampleRun, ("TriageFailOn", "infra")));

        var (exit, diagnostics) = await project.BuildAsync();

        Assert.Equal(1, exit);
        Assert.Equal(
            ["error TRIAGE2001", "warning TRIAGE1003", "warning TRIAGE1004", "warning TRIAGE1002", "warning TRIAGE1001", "warning TRIAGE9001", "error"],
            diagnostics.Select(d => System.Text.RegularExpressions.Regex.Match(d, @"(error|warning)( TRIAGE\d+)?(?= ?:)").Value));
        Approvals.Verify("sample-run-fail-on-infra", Rendering(exit, diagnostics, await ItemsOf(project)), "txt");
    }

    [Fact]
    public async Task A_results_path_that_does_not_exist_is_the_tools_input_error_naming_it()
    {
        var missing = Path.Combine(package.Root, "no-such-run");
        var project = new ExampleProject(package, "bad-input", Settings(missing));

        var (exit, diagnostics) = await project.BuildAsync();

        Assert.Equal(1, exit);
        Assert.Equal(["<root>/no-such-run : error TRIAGE9002: no such file or folder [<project>/Example.csproj]"], diagnostics);
        Assert.False(File.Exists(project.Items));
    }

    [Fact]
    public async Task Triage_without_results_fails_early_saying_what_to_set()
    {
        var project = new ExampleProject(package, "unset", new Dictionary<string, string> { ["TriageAfterTargets"] = "Build" });

        var (exit, diagnostics) = await project.BuildAsync();

        Assert.Equal(1, exit);
        var line = Assert.Single(diagnostics);
        Assert.Matches(@"^<packages>/triageci\.msbuild/[^/]+/build/TriageCI\.MSBuild\.targets\(\d+,\d+\): error TRIAGE9003: TriageResults is not set\. Set it to the benchmark output to triage", line);
    }

    [Fact]
    public async Task A_package_without_its_tool_fails_early_naming_the_missing_file_and_what_to_set()
    {
        // A restore of its own, so removing the tool from the extracted package touches no other scenario.
        var packages = Path.Combine(package.Root, "packages-without-tool");
        var project = new ExampleProject(package, "tool-missing", Settings(RepositoryPaths.SampleRun), packages);
        var (restored, output) = await Dotnet.RunAsync(project.Folder, packages, "restore", project.ProjectFile);
        Assert.True(restored == 0, output);
        Directory.Delete(Path.Combine(packages, "triageci.msbuild", package.Version, "tools"), recursive: true);

        var (exit, diagnostics) = await project.BuildAsync("--no-restore");

        Assert.Equal(1, exit);
        var line = Assert.Single(diagnostics);
        Assert.Matches(
            $@"^<packages>/triageci\.msbuild/{package.Version}/build/TriageCI\.MSBuild\.targets\(\d+,\d+\): error TRIAGE9003: The triage tool is missing: '<packages>/triageci\.msbuild/{package.Version}/build/\.\./tools/net10\.0/triage\.dll' does not exist\. Restore the TriageCI\.MSBuild package again, or set TriageToolPath to the triage\.dll of a TriageCI build\. \[<project>/Example\.csproj\]$",
            line);
    }
}
