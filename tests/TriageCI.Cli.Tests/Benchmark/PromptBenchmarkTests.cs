using TriageCI.Testing;

namespace TriageCI.Cli.Tests.Benchmark;

public class PromptBenchmarkTests
{
    [Fact]
    public async Task Measures_the_failed_trials_of_a_real_run_and_prints_one_row_per_results_folder()
    {
        var (exit, output, error) = await CliRunner.RunAsync("benchmark", "prompt", RealFixtures.PathOf("harbor/hamishivi__tmax"));

        Assert.Equal((int)ExitCode.Success, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Opening prompt of the agent judge", output, StringComparison.Ordinal);
        Assert.Contains("hamishivi__tmax", output, StringComparison.Ordinal);
        Assert.DoesNotContain("│ all", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_an_input_error_naming_it()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "no-such-run");

        var (exit, _, error) = await CliRunner.RunAsync("benchmark", "prompt", missing);

        Assert.Equal((int)ExitCode.InputError, exit);
        Assert.Equal($"{missing}: no such file or folder", error.Trim());
    }
}
