using System.Runtime.Serialization;

namespace TriageCI.MSBuild.Report;

/// <summary>
/// The part of <c>triage-report.json</c> the build uses. The names are the report's field names (schema version 1); a
/// test checks them against the schema, and every other field is skipped.
/// </summary>
[DataContract]
internal sealed class ReportDocument
{
    [DataMember(Name = "schema_version", IsRequired = true)]
    public string SchemaVersion { get; set; } = string.Empty;

    [DataMember(Name = "score", IsRequired = true)]
    public ScoreDocument Score { get; set; } = new();

    [DataMember(Name = "verdicts", IsRequired = true)]
    public List<VerdictDocument> Verdicts { get; set; } = [];
}
