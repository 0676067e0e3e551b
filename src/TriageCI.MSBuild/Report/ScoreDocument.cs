using System.Runtime.Serialization;

namespace TriageCI.MSBuild.Report;

/// <summary>The report's <c>score</c>: counts of trials and the raw and adjusted scores.</summary>
[DataContract]
internal sealed class ScoreDocument
{
    [DataMember(Name = "trials")]
    public int Trials { get; set; }

    [DataMember(Name = "resolved")]
    public int Resolved { get; set; }

    [DataMember(Name = "failed")]
    public int Failed { get; set; }

    [DataMember(Name = "unreadable")]
    public int Unreadable { get; set; }

    [DataMember(Name = "task_defects")]
    public int TaskDefects { get; set; }

    [DataMember(Name = "infrastructure_failures")]
    public int InfrastructureFailures { get; set; }

    [DataMember(Name = "agent_errors")]
    public int AgentErrors { get; set; }

    [DataMember(Name = "undetermined")]
    public int Undetermined { get; set; }

    /// <summary>Absent when the run has no trials.</summary>
    [DataMember(Name = "raw_score")]
    public double? RawScore { get; set; }

    /// <summary>Absent when no trial is left once task defects and infrastructure failures are set aside.</summary>
    [DataMember(Name = "adjusted_score")]
    public double? AdjustedScore { get; set; }
}
