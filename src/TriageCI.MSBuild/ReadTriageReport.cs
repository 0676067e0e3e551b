using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TriageCI.MSBuild.Report;

namespace TriageCI.MSBuild;

/// <summary>
/// Reads <c>triage-report.json</c> back into the build: one item per verdict and the run's counts and scores as
/// properties, so later targets can use them. It reads the report of the last run, so the items are there on an
/// incremental build that did not run the tool again.
/// </summary>
public sealed class ReadTriageReport : Microsoft.Build.Utilities.Task
{
    /// <summary>The report to read (<c>triage-report.json</c> in the output folder).</summary>
    [Required]
    public string Report { get; set; } = string.Empty;

    /// <summary>
    /// One item per failed trial that could be read, named by its trial id, with the metadata <c>TaskId</c>,
    /// <c>TrialId</c>, <c>Category</c>, <c>Subcategory</c>, <c>Leaning</c>, <c>ClassId</c>, <c>Confidence</c>,
    /// <c>Action</c> and <c>TrialPath</c>.
    /// </summary>
    [Output]
    public ITaskItem[] Verdicts { get; private set; } = [];

    [Output]
    public int Trials { get; private set; }

    [Output]
    public int Resolved { get; private set; }

    [Output]
    public int Failed { get; private set; }

    [Output]
    public int Unreadable { get; private set; }

    [Output]
    public int TaskDefects { get; private set; }

    [Output]
    public int InfrastructureFailures { get; private set; }

    [Output]
    public int AgentErrors { get; private set; }

    [Output]
    public int Undetermined { get; private set; }

    /// <summary>resolved / trials, from 0 to 1; empty when the run has no trials.</summary>
    [Output]
    public string RawScore { get; private set; } = string.Empty;

    /// <summary>resolved / (trials − task defects − infrastructure failures), from 0 to 1; empty when undefined.</summary>
    [Output]
    public string AdjustedScore { get; private set; } = string.Empty;

    public override bool Execute()
    {
        ReportDocument report;
        try
        {
            report = ReportReader.Read(Report);
        }
        catch (ReportReadException ex)
        {
            Log.LogError(null, DiagnosticCodes.OutputFailed, null, Report, 0, 0, 0, 0, "{0}", ex.Message);
            return false;
        }

        var score = report.Score;
        Trials = score.Trials;
        Resolved = score.Resolved;
        Failed = score.Failed;
        Unreadable = score.Unreadable;
        TaskDefects = score.TaskDefects;
        InfrastructureFailures = score.InfrastructureFailures;
        AgentErrors = score.AgentErrors;
        Undetermined = score.Undetermined;
        RawScore = Number(score.RawScore);
        AdjustedScore = Number(score.AdjustedScore);
        Verdicts = report.Verdicts.Select(Item).ToArray();

        Log.LogMessage(MessageImportance.High,
            "TriageCI: {0} trials, {1} resolved, {2} failed ({3} task defects, {4} infrastructure, {5} agent errors, {6} undetermined), {7} unreadable; score {8} raw, {9} adjusted. Reports: {10}",
            Trials, Resolved, Failed, TaskDefects, InfrastructureFailures, AgentErrors, Undetermined, Unreadable,
            Percent(score.RawScore), Percent(score.AdjustedScore), Path.GetDirectoryName(Path.GetFullPath(Report)));
        return true;
    }

    private static TaskItem Item(VerdictDocument verdict)
    {
        var item = new TaskItem(verdict.TrialId);
        item.SetMetadata("TaskId", verdict.TaskId);
        item.SetMetadata("TrialId", verdict.TrialId);
        item.SetMetadata("Category", verdict.Category);
        item.SetMetadata("Subcategory", verdict.Subcategory ?? string.Empty);
        item.SetMetadata("Leaning", verdict.Leaning ?? string.Empty);
        item.SetMetadata("ClassId", verdict.ClassId);
        item.SetMetadata("Confidence", Number(verdict.Confidence));
        item.SetMetadata("Action", verdict.Action);
        item.SetMetadata("TrialPath", verdict.TrialPath ?? string.Empty);
        return item;
    }

    /// <summary>Invariant, whatever the build's culture, so MSBuild conditions can compare it.</summary>
    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Percent(double? value) => value?.ToString("0.0%", CultureInfo.InvariantCulture) ?? "n/a";
}
