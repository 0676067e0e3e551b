using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Xml;

namespace TriageCI.MSBuild.Report;

/// <summary>
/// Reads <c>triage-report.json</c> with the JSON reader of the framework itself, so the task needs no JSON package in
/// MSBuild's process. Like the tool's own reader, it accepts any <c>1.x</c> schema and refuses other major versions.
/// </summary>
internal static class ReportReader
{
    public const string SupportedMajor = "1";

    private static readonly DataContractJsonSerializer Serializer = new(typeof(ReportDocument));

    /// <exception cref="ReportReadException">The file is missing, not a report, or of another major schema version.</exception>
    public static ReportDocument Read(string path)
    {
        ReportDocument? report;
        try
        {
            using var stream = File.OpenRead(path);
            report = Serializer.ReadObject(stream) as ReportDocument;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ReportReadException("the report does not exist; run the Triage target to write it", ex);
        }
        catch (Exception ex) when (ex is SerializationException or XmlException or IOException or UnauthorizedAccessException)
        {
            throw new ReportReadException($"not a readable triage report ({ex.Message})", ex);
        }

        if (report is null)
        {
            throw new ReportReadException("not a triage report");
        }

        if (report.SchemaVersion.Split('.')[0] != SupportedMajor)
        {
            throw new ReportReadException($"schema_version {report.SchemaVersion} is not supported; this TriageCI.MSBuild reads {SupportedMajor}.x");
        }

        return report;
    }
}
