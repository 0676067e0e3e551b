using System.Runtime.InteropServices;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace TriageCI.MSBuild;

/// <summary>
/// Runs <c>triage run</c> from the package's <c>tools/</c> folder out of process (<c>dotnet exec triage.dll</c>), asks
/// it for MSBuild diagnostics, and turns the findings it prints into warnings and errors with their TRIAGE codes. The
/// reports land in <see cref="OutputPath"/>; <see cref="ReadTriageReport"/> reads them back.
/// </summary>
public sealed class RunTriage : ToolTask
{
    /// <summary>The benchmark output: a run or job folder, a folder of several, or a log file (<c>&lt;results&gt;</c>).</summary>
    [Required]
    public string Results { get; set; } = string.Empty;

    /// <summary>The folder the reports are written to (<c>--out</c>).</summary>
    [Required]
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>The tool's <c>triage.dll</c>.</summary>
    [Required]
    public string ToolAssembly { get; set; } = string.Empty;

    /// <summary><c>--format</c>: <c>auto</c> or a harness format.</summary>
    public string? Format { get; set; }

    /// <summary><c>--fail-on</c>: thresholds that fail the build, e.g. <c>task-defect:3,infra</c>.</summary>
    public string? FailOn { get; set; }

    /// <summary><c>--templates</c>: a folder of Handlebars templates overriding the defaults.</summary>
    public string? Templates { get; set; }

    /// <summary><c>--tasks</c>: a folder of task definitions to join to the trials.</summary>
    public string? Tasks { get; set; }

    /// <summary><c>--dataset</c>: a JSON Lines dataset to join to the trials.</summary>
    public string? Dataset { get; set; }

    /// <summary><c>--concurrency</c>: failed trials triaged at once.</summary>
    public string? Concurrency { get; set; }

    /// <summary><c>--judge</c>: rules, agent or replay.</summary>
    public string? Judge { get; set; }

    /// <summary><c>--provider</c>: the model provider of the agent judge.</summary>
    public string? Provider { get; set; }

    /// <summary><c>--model</c>: the model (Azure: the deployment).</summary>
    public string? Model { get; set; }

    /// <summary><c>--base-url</c>: the model endpoint.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>--api-key-file</c>: a file holding the API key (never the key itself: command lines are logged).</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary><c>--task-budget</c>: limits per judge conversation.</summary>
    public string? TaskBudget { get; set; }

    /// <summary><c>--run-budget</c>: limits for the whole run.</summary>
    public string? RunBudget { get; set; }

    /// <summary><c>--price-table</c>: model prices for cost figures and budgets.</summary>
    public string? PriceTable { get; set; }

    /// <summary><c>--transcripts</c>: where judge conversations are saved.</summary>
    public string? Transcripts { get; set; }

    /// <summary><c>--replay</c>: re-run the judge from these transcripts instead of a model.</summary>
    public string? Replay { get; set; }

    /// <summary>The report this run asks the tool for.</summary>
    public string ReportPath => Path.Combine(OutputPath, ReportFileNames.Report);

    protected override string ToolName => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";

    /// <summary>The <c>dotnet</c> running this build where MSBuild names it, else the first one on the PATH.</summary>
    protected override string GenerateFullPathToTool()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host! : ToolName;
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        // Roll forward as dotnet tools do: a newer runtime than the tool was built for is fine for it.
        builder.AppendSwitch("exec");
        builder.AppendSwitchIfNotNull("--roll-forward ", "Major");
        builder.AppendFileNameIfNotNull(ToolAssembly);
        builder.AppendSwitch("run");
        builder.AppendFileNameIfNotNull(Results);
        // A trailing separator would escape the closing quote of a quoted Windows path.
        builder.AppendSwitchIfNotNull("--out ", OutputPath.TrimEnd('/', '\\'));
        builder.AppendSwitchIfNotNull("--diagnostics ", "msbuild");
        AppendIfSet(builder, "--format ", Format);
        AppendIfSet(builder, "--fail-on ", FailOn);
        AppendIfSet(builder, "--templates ", Templates);
        AppendIfSet(builder, "--tasks ", Tasks);
        AppendIfSet(builder, "--dataset ", Dataset);
        AppendIfSet(builder, "--concurrency ", Concurrency);
        AppendIfSet(builder, "--judge ", Judge);
        AppendIfSet(builder, "--provider ", Provider);
        AppendIfSet(builder, "--model ", Model);
        AppendIfSet(builder, "--base-url ", BaseUrl);
        AppendIfSet(builder, "--api-key-file ", ApiKeyFile);
        AppendIfSet(builder, "--task-budget ", TaskBudget);
        AppendIfSet(builder, "--run-budget ", RunBudget);
        AppendIfSet(builder, "--price-table ", PriceTable);
        AppendIfSet(builder, "--transcripts ", Transcripts);
        AppendIfSet(builder, "--replay ", Replay);
        return builder.ToString();
    }

    protected override bool ValidateParameters()
    {
        if (!File.Exists(ToolAssembly))
        {
            Log.LogError(null, DiagnosticCodes.InvalidOption, null, ToolAssembly, 0, 0, 0, 0,
                "The triage tool is missing: '{0}' does not exist. Point ToolAssembly at the triage.dll in the tools folder of the TriageCI.MSBuild package.",
                ToolAssembly);
            return false;
        }

        return base.ValidateParameters();
    }

    public override bool Execute()
    {
        if (!base.Execute())
        {
            return false;
        }

        if (!File.Exists(ReportPath))
        {
            Log.LogError(null, DiagnosticCodes.OutputFailed, null, ReportPath, 0, 0, 0, 0,
                "triage finished but wrote no report at '{0}'.", ReportPath);
            return false;
        }

        return true;
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (ToolOutputLine.IsDiagnostic(singleLine))
        {
            Log.LogMessageFromText(singleLine, messageImportance);
        }
        else
        {
            Log.LogMessage(messageImportance, "{0}", singleLine);
        }
    }

    private static void AppendIfSet(CommandLineBuilder builder, string option, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            builder.AppendSwitchIfNotNull(option, value);
        }
    }
}
