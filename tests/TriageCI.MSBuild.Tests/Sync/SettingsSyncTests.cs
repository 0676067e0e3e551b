using System.CommandLine;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using TriageCI.Cli;
using TriageCI.Cli.Commands;
using TriageCI.Core.Reports;
using TriageCI.Core.Reports.Curation;
using TriageCI.Core.Reports.Json;
using TriageCI.Core.Reports.Rerun;
using TriageCI.MSBuild.Report;
using CoreCodes = TriageCI.Core.Diagnostics.DiagnosticCodes;

namespace TriageCI.MSBuild.Tests.Sync;

/// <summary>
/// The MSBuild properties, the task parameters, the options of <c>triage run</c> and the report fields name the same
/// things. The naming rule: option <c>--fail-on</c> is task parameter <c>FailOn</c> and property <c>TriageFailOn</c>;
/// <c>--out</c> is <c>OutputPath</c>, as MSBuild names output folders; the argument <c>results</c> is <c>Results</c>.
/// </summary>
public partial class SettingsSyncTests
{
    /// <summary>Settings of the build itself, with no option behind them.</summary>
    private static readonly string[] BuildOnly = ["TriageAfterTargets", "TriageToolPath"];

    /// <summary>Options the task sets itself: the build always wants MSBuild diagnostics.</summary>
    private static readonly string[] SetByTask = ["--diagnostics"];

    /// <summary>
    /// What to publish to GitHub: the GitHub Action's inputs (kept equal to the CLI by the action's own test). A build
    /// reports through its diagnostics and items, not by commenting on pull requests.
    /// </summary>
    private static readonly string[] ActionOnly =
        ["--github-token", "--comment", "--comment-key", "--issues", "--issue-labels", "--max-issues", "--dry-run", "--fail-on-publish-error"];

    private static Command Run => RunCommand.Create(_ => null);

    private static string TaskParameter(string option) => option == "--out"
        ? "OutputPath"
        : string.Concat(option.TrimStart('-').Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static IEnumerable<string> Options => Run.Options.Select(o => o.Name).Except(SetByTask).Except(ActionOnly);

    [Fact]
    public void Every_option_of_triage_run_is_a_property_and_every_property_is_an_option_or_the_builds_own()
    {
        var expected = Options.Select(o => "Triage" + TaskParameter(o))
            .Concat(Run.Arguments.Select(a => "Triage" + TaskParameter(a.Name)))
            .Concat(BuildOnly)
            .Order();

        Assert.Equal(expected, BuildFiles.Settings.Order());
    }

    [Fact]
    public void The_targets_pass_every_option_property_to_the_task_parameter_of_the_same_name()
    {
        var call = BuildFiles.TaskCall("RunTriage");
        var parameters = typeof(RunTriage).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.CanWrite).Select(p => p.Name).ToList();

        foreach (var parameter in Options.Concat(Run.Arguments.Select(a => a.Name)).Select(TaskParameter))
        {
            Assert.Contains(parameter, parameters);
            var value = call.Attribute(parameter)?.Value;
            Assert.True(value is not null && Regex.IsMatch(value, $@"^\$\(_?Triage{parameter}(Full)?\)$"),
                $"RunTriage's {parameter} should be set from Triage{parameter}; it is '{value}'.");
        }
    }

    [Fact]
    public void The_task_command_line_is_one_triage_run_accepts_and_sets_every_option()
    {
        using var folder = new TempFolder();
        var task = new RunTriage
        {
            ToolAssembly = Path.Combine(folder.Path, "triage.dll"),
            Results = Path.Combine(folder.Path, "jobs"),
            OutputPath = Path.Combine(folder.Path, "out") + "/",
            Format = "harbor",
            FailOn = "task-defect:3,infra",
            Templates = Path.Combine(folder.Path, "templates"),
            Tasks = Path.Combine(folder.Path, "tasks"),
            Dataset = Path.Combine(folder.Path, "rows.jsonl"),
            Concurrency = "3",
            Judge = "agent",
            Provider = "openai-compatible",
            Model = "qwen3",
            BaseUrl = "http://localhost:11434/v1",
            ApiKeyFile = Path.Combine(folder.Path, "key"),
            TaskBudget = "turns=12",
            RunBudget = "cost=5",
            PriceTable = Path.Combine(folder.Path, "prices.json"),
            Transcripts = Path.Combine(folder.Path, "transcripts"),
            Replay = Path.Combine(folder.Path, "replay"),
        };

        var line = (string)typeof(RunTriage).GetMethod("GenerateCommandLineCommands", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(task, null)!;
        var args = Arguments(line);
        Assert.Equal(["exec", "--roll-forward", "Major", task.ToolAssembly], args[..4]);

        var parsed = TriageApp.CreateRootCommand().Parse(args[4..]);
        Assert.Empty(parsed.Errors);
        Assert.Equal("run", parsed.CommandResult.Command.Name);
        foreach (var option in parsed.CommandResult.Command.Options.Where(o => !ActionOnly.Contains(o.Name)))
        {
            Assert.True(parsed.GetResult(option) is { Implicit: false }, $"the task never sets {option.Name}");
        }

        Assert.Equal(task.Results, parsed.GetValue<string>("results"));
        Assert.Equal(Path.Combine(folder.Path, "out"), parsed.GetValue<string>("--out"));
        Assert.Equal("msbuild", parsed.GetResult("--diagnostics")!.Tokens.Single().Value);
        foreach (var option in Options.Where(o => o != "--out"))
        {
            var expected = typeof(RunTriage).GetProperty(TaskParameter(option))!.GetValue(task);
            Assert.Equal(expected, parsed.GetResult(option)!.Tokens.Single().Value);
        }
    }

    [Fact]
    public void Every_report_field_the_task_reads_is_a_field_of_the_report_schema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "TriageCI.Core", "Schemas", TriageReportSchema.FileName)));
        var root = schema.RootElement;
        var defs = root.GetProperty("$defs");

        AssertFieldsOf(typeof(ReportDocument), root.GetProperty("properties"));
        AssertFieldsOf(typeof(ScoreDocument), defs.GetProperty("score").GetProperty("properties"));
        AssertFieldsOf(typeof(VerdictDocument), defs.GetProperty("verdict").GetProperty("properties"));
        Assert.Equal(ReportReader.SupportedMajor, TriageReport.CurrentSchemaVersion.Split('.')[0]);
    }

    [Fact]
    public void Every_output_of_the_reader_task_reaches_the_build_under_a_Triage_name()
    {
        var outputs = typeof(ReadTriageReport).GetProperties().Where(p => p.GetCustomAttribute<OutputAttribute>() is not null).Select(p => p.Name).Order();
        var mapped = BuildFiles.TaskCall("ReadTriageReport").Elements("Output")
            .Select(o => (Parameter: o.Attribute("TaskParameter")!.Value, Name: (o.Attribute("PropertyName") ?? o.Attribute("ItemName"))!.Value))
            .ToList();

        Assert.Equal(outputs, mapped.Select(m => m.Parameter).Order());
        Assert.All(mapped, m => Assert.Equal(m.Parameter == "Verdicts" ? "TriageVerdict" : "Triage" + m.Parameter, m.Name));
    }

    [Fact]
    public void The_report_files_the_build_records_are_the_files_the_tool_writes()
    {
        var recorded = BuildFiles.Targets.Descendants("_TriageReportFile").Single().Attribute("Include")!.Value
            .Split(';').Select(p => p[(p.LastIndexOf(')') + 1)..]);

        Assert.Equal([TriageReportJson.FileName, CurationWriter.FileName, RerunList.FileName, ReportWriter.SummaryFileName], recorded);
        Assert.Equal("$(_TriageOutputPathFull)" + TriageReportJson.FileName, BuildFiles.Targets.Descendants("_TriageReport").Single().Value);
        Assert.Equal(TriageReportJson.FileName, ReportFileNames.Report);
    }

    [Fact]
    public void The_codes_the_task_logs_are_the_tools_codes()
    {
        Assert.Equal(DiagnosticCodes.InvalidOption, CoreCodes.InvalidOption.Code);
        Assert.Equal(DiagnosticCodes.OutputFailed, CoreCodes.OutputFailed.Code);
        var targetCodes = BuildFiles.Targets.Descendants("Error").Select(e => e.Attribute("Code")!.Value).Distinct();
        Assert.Equal([CoreCodes.InvalidOption.Code], targetCodes);
    }

    /// <summary>Splits a command line as the process will see it: spaces separate, double quotes group.</summary>
    private static string[] Arguments(string line)
    {
        var args = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line + " ")
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    args.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        return [.. args];
    }

    private static void AssertFieldsOf(Type document, JsonElement schemaProperties)
    {
        foreach (var member in document.GetProperties().Select(p => p.GetCustomAttribute<DataMemberAttribute>()).OfType<DataMemberAttribute>())
        {
            Assert.True(schemaProperties.TryGetProperty(member.Name!, out _), $"{document.Name} reads '{member.Name}', which the report schema does not have.");
        }
    }
}
