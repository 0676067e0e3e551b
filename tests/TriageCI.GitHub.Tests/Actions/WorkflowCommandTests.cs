using TriageCI.Core.Diagnostics;
using TriageCI.GitHub.Actions;

namespace TriageCI.GitHub.Tests.Actions;

public class WorkflowCommandTests
{
    [Fact]
    public void Untrusted_text_cannot_end_an_annotation_or_start_a_command_of_its_own()
    {
        using var log = new StringWriter();
        var commands = new WorkflowCommands(log);

        commands.Annotate("warning", "bad 100%\n::add-mask::secret\r\n::error::forged", "TRIAGE1003: a, b: c", "runs/x,y:z.txt", 14);

        Assert.Equal("::warning file=runs/x%2Cy%3Az.txt,line=14,title=TRIAGE1003%3A a%2C b%3A c::bad 100%25%0A::add-mask::secret%0D%0A::error::forged" + Environment.NewLine, log.ToString());
        Assert.Single(log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Annotations_stop_at_ten_per_level_and_say_how_many_more_there_are()
    {
        using var log = new StringWriter();
        var environment = new ActionsEnvironment(name => name == "GITHUB_WORKSPACE" ? "/github/workspace" : null, log);
        var diagnostics = Enumerable.Range(0, 25)
            .Select(i => new Diagnostic(i < 12 ? DiagnosticCodes.BrittleTests : DiagnosticCodes.InfraFailure, i % 2 == 0 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, $"finding {i}", $"/github/workspace/jobs/t{i}/result.json", i + 1))
            .ToList();

        var left = AnnotationWriter.Write(environment, diagnostics);

        var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(10, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal(5, left);
        Assert.Contains("5 more TriageCI findings", lines.Single(l => l.StartsWith("::notice ", StringComparison.Ordinal)));
        Assert.StartsWith("::error file=jobs/t0/result.json,line=1,title=TRIAGE1003%3A task defect%3A brittle tests::finding 0", lines[0]);
    }

    [Fact]
    public void Outputs_use_a_delimiter_no_value_can_forge()
    {
        using var temp = new TempFolder();
        var path = temp.Write("out", string.Empty);

        OutputFile.Append(path, [new("comment-url", "https://x\nforged=1"), new("raw-score", "0.5")]);

        var parsed = Support.ActionsRun.ParseOutputs(File.ReadAllText(path));
        Assert.Equal(2, parsed.Count);
        Assert.Equal("https://x\nforged=1", parsed["comment-url"]);
        Assert.Equal("0.5", parsed["raw-score"]);
    }

    [Fact]
    public void Groups_open_and_close()
    {
        using var log = new StringWriter();
        var commands = new WorkflowCommands(log);

        commands.Group("TriageCI: publish");
        commands.EndGroup();

        Assert.Equal($"::group::TriageCI: publish{Environment.NewLine}::endgroup::{Environment.NewLine}", log.ToString());
    }
}
