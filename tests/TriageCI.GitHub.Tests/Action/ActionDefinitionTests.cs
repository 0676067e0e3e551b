using System.CommandLine;
using System.Globalization;
using System.Text;
using TriageCI.Cli.Commands;
using TriageCI.GitHub.Actions;
using YamlDotNet.RepresentationModel;

namespace TriageCI.GitHub.Tests.Action;

/// <summary>
/// action.yml, the <c>triage run</c> command line and the README's tables name the same things: every input is the
/// option (or argument) of the same name with the same description and default, every output is one the entrypoint
/// writes, and the README tables are generated from action.yml.
/// </summary>
public class ActionDefinitionTests
{
    private static readonly ActionDefinition Action = ActionDefinition.Load();

    private static readonly Command Run = RunCommand.Create(_ => null);

    /// <summary>MSBuild's canonical diagnostics are for builds; in Actions, findings become workflow annotations.</summary>
    private static readonly string[] NotInputs = ["--help", "--diagnostics"];

    [Fact]
    public void The_action_is_a_docker_action_whose_entrypoint_is_triage_action()
    {
        var runs = Action.Mapping("runs");
        Assert.Equal("docker", runs[new YamlScalarNode("using")].ToString());
        Assert.Equal("Dockerfile", runs[new YamlScalarNode("image")].ToString());
        Assert.Equal(["action"], ((YamlSequenceNode)runs[new YamlScalarNode("args")]).Children.Select(c => c.ToString()));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/opt/triageci/triage.dll\"]", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_input_is_a_run_option_or_argument_and_every_one_of_those_is_an_input()
    {
        var cli = Run.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && !NotInputs.Contains(o.Name))
            .Select(o => (Name: ActionCommand.InputName(o), o.Description))
            .Concat(Run.Arguments.Select(a => (a.Name, a.Description)))
            .OrderBy(i => i.Name, StringComparer.Ordinal);

        Assert.Equal(cli, Action.Inputs.Select(i => (i.Name, (string?)i.Description)).OrderBy(i => i.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_results_argument_is_required_and_the_declared_defaults_are_the_cli_defaults()
    {
        Assert.Equal(["results"], Action.Inputs.Where(i => i.Required).Select(i => i.Name));
        foreach (var input in Action.Inputs.Where(i => i.Default is not null && i.Name != "github-token"))
        {
            var option = Run.Options.Single(o => o.Name == "--" + input.Name);
            Assert.True(input.Default == CliDefault(option), $"input {input.Name}: action.yml default '{input.Default}', triage run default '{CliDefault(option)}'");
        }

        // The CLI falls back to the GITHUB_TOKEN variable; the action passes the job's token explicitly.
        Assert.Equal("${{ github.token }}", Action.Inputs.Single(i => i.Name == "github-token").Default);
    }

    [Fact]
    public void The_outputs_are_the_ones_the_entrypoint_writes()
    {
        Assert.Equal(ActionOutputs.All.Select(o => (o.Name, o.Description)), Action.Outputs);
    }

    [Fact]
    public void The_readme_inputs_table_is_action_yml()
    {
        var text = new StringBuilder("| input | default | meaning |\n|---|---|---|\n");
        foreach (var input in Action.Inputs)
        {
            var fallback = input.Required ? "required" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"| `{input.Name}` | {(input.Default is { } d ? $"`{d}`" : fallback)} | {input.Description} |\n");
        }

        ReadmeBlock.AssertEqual("action-inputs", text.ToString());
    }

    [Fact]
    public void The_readme_outputs_table_is_action_yml()
    {
        var text = new StringBuilder("| output | meaning |\n|---|---|\n");
        foreach (var (name, description) in Action.Outputs)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{name}` | {description} |\n");
        }

        ReadmeBlock.AssertEqual("action-outputs", text.ToString());
    }

    /// <summary>What <c>triage run</c> uses when the option is left out, spelled as an action input.</summary>
    private static string? CliDefault(Option option) => option.HasDefaultValue
        ? option.GetDefaultValue() switch
        {
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v?.ToString(),
        }
        : option.ValueType == typeof(bool) ? "false" : null;
}
