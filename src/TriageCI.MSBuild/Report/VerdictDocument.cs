using System.Runtime.Serialization;

namespace TriageCI.MSBuild.Report;

/// <summary>One verdict of the report: which class a failed trial falls in, how sure, and what to do with it.</summary>
[DataContract]
internal sealed class VerdictDocument
{
    [DataMember(Name = "task_id")]
    public string TaskId { get; set; } = string.Empty;

    [DataMember(Name = "trial_id")]
    public string TrialId { get; set; } = string.Empty;

    [DataMember(Name = "category")]
    public string Category { get; set; } = string.Empty;

    /// <summary>Absent for undetermined verdicts.</summary>
    [DataMember(Name = "subcategory")]
    public string? Subcategory { get; set; }

    /// <summary>For undetermined verdicts, the subcategory the evidence points to.</summary>
    [DataMember(Name = "leaning")]
    public string? Leaning { get; set; }

    [DataMember(Name = "class_id")]
    public string ClassId { get; set; } = string.Empty;

    [DataMember(Name = "confidence")]
    public double Confidence { get; set; }

    [DataMember(Name = "action")]
    public string Action { get; set; } = string.Empty;

    /// <summary>The trial's folder or file, relative to the results folder.</summary>
    [DataMember(Name = "trial_path")]
    public string? TrialPath { get; set; }
}
