using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Entrypoint;

/// <summary>The real <c>triage action</c> in its own process, given what the runner gives a container action.</summary>
public class EntrypointProcessTests
{
    [Fact]
    public async Task The_entrypoint_reads_its_inputs_publishes_and_writes_outputs_and_summary()
    {
        await using var scenario = await EntrypointScenario.StartAsync();
        var environment = new ScrubbedEnvironment(scenario.Variables(scenario.Workspace, scenario.FileCommands));
        var triage = ToolBuild.TriageDll;

        var (exit, output, error) = await ProcessRunner.RunAsync("dotnet", [triage, "action"], environment, TimeSpan.FromMinutes(3), scenario.Workspace);

        scenario.AssertPublished(exit, output + error);
    }

    [Fact]
    public async Task A_bad_input_is_a_usage_error_naming_the_option()
    {
        await using var scenario = await EntrypointScenario.StartAsync();
        var variables = scenario.Variables(scenario.Workspace, scenario.FileCommands);
        variables["INPUT_MAX-ISSUES"] = "-3";
        var triage = ToolBuild.TriageDll;

        var (exit, _, error) = await ProcessRunner.RunAsync("dotnet", [triage, "action"], new ScrubbedEnvironment(variables), TimeSpan.FromMinutes(3), scenario.Workspace);

        Assert.Equal(2, exit);
        Assert.Contains("--max-issues must be 0 or more.", error);
        Assert.Empty(scenario.Fake.Requests);
    }
}
