using System.Diagnostics;

namespace TriageCI.GitHub.Tests.Support;

/// <summary>Runs a program to its end (or kills it at the timeout), capturing what it prints.</summary>
internal static class ProcessRunner
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string fileName, IEnumerable<string> arguments, ScrubbedEnvironment environment, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        environment.ApplyTo(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}; it printed:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
