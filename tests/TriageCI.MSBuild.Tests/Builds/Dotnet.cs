using System.Diagnostics;

namespace TriageCI.MSBuild.Tests.Builds;

/// <summary>
/// Runs the real <c>dotnet</c> from a scrubbed environment: no CI or GitHub variables, none of the MSBuild variables
/// the test runner inherited, no build servers left behind, and NuGet packages extracted into a folder of the test's own.
/// </summary>
internal static class Dotnet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly string[] ScrubbedPrefixes = ["GITHUB_", "RUNNER_", "MSBUILD", "MSBuild", "NUGET_", "DOTNET_HOST_PATH"];

    public static async Task<(int Exit, string Output)> RunAsync(string workingDirectory, string packagesFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k == "CI" || ScrubbedPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NUGET_PACKAGES"] = packagesFolder;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within {Timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await output + await error);
    }
}
