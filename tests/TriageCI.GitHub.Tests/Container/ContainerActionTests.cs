using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Container;

/// <summary>
/// The action's container, built from the Dockerfile and run the way the runner runs a Docker action: the workspace
/// and the file-command folder mounted at GitHub's paths, the Docker socket mounted, the inputs as <c>INPUT_*</c>
/// variables and the argument from action.yml (<c>action</c>).
/// </summary>
public class ContainerActionTests
{
    [Fact]
    public async Task The_built_container_publishes_and_writes_outputs_and_summary_like_the_action()
    {
        if (await ContainerImage.UnavailableReasonAsync() is { } reason)
        {
            Assert.Skip("The action's container cannot be built here: " + reason);
        }

        using var temp = new TempFolder();
        await using var scenario = await EntrypointScenario.StartAsync();
        var image = await ContainerImage.BuildAsync(temp);
        try
        {
            List<string> run =
            [
                "run", "--rm", "--network", "host", "--workdir", "/github/workspace",
                "--volume", $"{scenario.Workspace}:/github/workspace",
                "--volume", $"{scenario.FileCommands}:/github/file_commands",
            ];
            if (File.Exists("/var/run/docker.sock"))
            {
                run.AddRange(["--volume", "/var/run/docker.sock:/var/run/docker.sock"]);
            }

            foreach (var (name, value) in scenario.Variables("/github/workspace", "/github/file_commands"))
            {
                run.AddRange(["--env", $"{name}={value}"]);
            }

            run.AddRange([image, "action"]);
            var (exit, output, error) = await ContainerImage.Docker(run, TimeSpan.FromMinutes(5));

            scenario.AssertPublished(exit, output + error);
        }
        finally
        {
            await ContainerImage.RemoveAsync(image);
        }
    }
}
