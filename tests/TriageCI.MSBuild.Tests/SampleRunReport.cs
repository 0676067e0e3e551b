using System.CommandLine;
using TriageCI.Cli;

namespace TriageCI.MSBuild.Tests;

/// <summary>The sample run triaged once by the real command line, in process; its report is shared by a test class.</summary>
public sealed class SampleRunReport : IAsyncLifetime
{
    private readonly TempFolder _output = new();

    public string Path => System.IO.Path.Combine(_output.Path, "triage-report.json");

    public async ValueTask InitializeAsync()
    {
        using var quiet = new StringWriter();
        var exit = await TriageApp.RunAsync(["run", RepositoryPaths.SampleRun, "--out", _output.Path], new InvocationConfiguration { Output = quiet, Error = quiet });
        Assert.True(exit == (int)ExitCode.Success, $"triage run failed ({exit}): {quiet}");
    }

    public ValueTask DisposeAsync()
    {
        _output.Dispose();
        return ValueTask.CompletedTask;
    }
}
