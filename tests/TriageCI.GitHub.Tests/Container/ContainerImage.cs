using System.Runtime.InteropServices;
using System.Text.Json;
using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Container;

/// <summary>
/// Builds the action's image from the repository's Dockerfile without pulling anything: the base image is made from
/// this machine's own .NET SDK by <c>build-base-image.sh</c> (<c>docker import</c>, cached under a tag naming the SDK
/// version), and the packages the locked restore needs come from the local NuGet cache as a folder feed in the
/// build context. The build runs with no network, so it proves the Dockerfile builds from the sources alone.
/// </summary>
internal static class ContainerImage
{
    private static readonly TimeSpan DockerTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Why the container cannot be built here, or null when it can.</summary>
    public static async Task<string?> UnavailableReasonAsync()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return "the base image is made from this machine's .NET SDK, which needs a linux-x64 host";
        }

        try
        {
            var (exit, _, error) = await Docker(["version", "--format", "{{.Server.Version}}"], TimeSpan.FromMinutes(1));
            return exit == 0 ? null : "no Docker engine answers: " + error.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "the docker command is not installed: " + e.Message;
        }
    }

    /// <summary>Builds the action image under a fresh tag; the caller removes it with <see cref="RemoveAsync"/>.</summary>
    public static async Task<string> BuildAsync(TempFolder temp)
    {
        var baseImage = await BaseImageAsync();
        var context = Path.Combine(temp.Path, "context");
        CopySources(RepositoryPaths.Root, context);
        CopyPackageFeed(Path.Combine(context, "nuget-feed"));

        var tag = "triageci-action-test:" + Guid.NewGuid().ToString("N")[..12];
        string[] arguments =
        [
            "build", "--network", "none", "--force-rm",
            "--build-arg", "SDK_IMAGE=" + baseImage, "--build-arg", "RUNTIME_IMAGE=" + baseImage,
            "--build-arg", "NUGET_SOURCE=/src/nuget-feed",
        ];

        // The build stage gets a tag of its own (the full build reuses it from the cache), so that removing the two
        // tags leaves no untagged stage image behind.
        await DockerOk([.. arguments, "--target", "build", "--tag", BuildStage(tag), context], DockerTimeout);
        await DockerOk([.. arguments, "--tag", tag, context], DockerTimeout);
        return tag;
    }

    public static async Task RemoveAsync(string tag)
    {
        await Docker(["rmi", "--force", tag, BuildStage(tag)], TimeSpan.FromMinutes(2));
    }

    private static string BuildStage(string tag) => tag + "-build";

    public static Task<(int Exit, string Output, string Error)> Docker(IEnumerable<string> arguments, TimeSpan timeout) =>
        ProcessRunner.RunAsync("docker", arguments, new ScrubbedEnvironment(), timeout);

    private static async Task DockerOk(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var (exit, output, error) = await Docker(arguments, timeout);
        Assert.True(exit == 0, $"docker {string.Join(' ', arguments)} exited {exit}:\n{output}\n{error}");
    }

    /// <summary>The imported base image for this SDK, built on first use.</summary>
    private static async Task<string> BaseImageAsync()
    {
        var (_, version, _) = await ProcessRunner.RunAsync("dotnet", ["--version"], new ScrubbedEnvironment(), TimeSpan.FromMinutes(1));
        var tag = "triageci-test-dotnet-base:" + version.Trim();
        var (exists, _, _) = await Docker(["image", "inspect", "--format", "{{.Id}}", tag], TimeSpan.FromMinutes(1));
        if (exists != 0)
        {
            var script = Path.Combine(RepositoryPaths.Root, "tests", "TriageCI.GitHub.Tests", "Container", "build-base-image.sh");
            var (exit, output, error) = await ProcessRunner.RunAsync("bash", [script, tag], new ScrubbedEnvironment(), DockerTimeout);
            Assert.True(exit == 0, $"{script} exited {exit}:\n{output}\n{error}");
        }

        return tag;
    }

    /// <summary>The repository as the action's build context sees it: sources only (see .dockerignore).</summary>
    private static void CopySources(string from, string to)
    {
        string[] skipped = ["bin", "obj", "node_modules", "TestResults", ".git", ".vs", ".idea", "triage-out", "artifacts"];
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part, StringComparer.Ordinal)))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Every package the CLI's lock file names, as .nupkg files from the NuGet cache the tests were restored from.</summary>
    private static void CopyPackageFeed(string feed)
    {
        Directory.CreateDirectory(feed);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "TriageCI.Cli", "packages.lock.json")));
        foreach (var framework in lockFile.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            foreach (var package in framework.Value.EnumerateObject().Where(p => p.Value.GetProperty("type").GetString() != "Project"))
            {
                var id = package.Name.ToLowerInvariant();
                var version = package.Value.GetProperty("resolved").GetString()!.ToLowerInvariant();
                var nupkg = Path.Combine(cache, id, version, $"{id}.{version}.nupkg");
                Assert.True(File.Exists(nupkg), $"{nupkg} is missing: restore the solution first (dotnet restore TriageCI.sln).");
                File.Copy(nupkg, Path.Combine(feed, Path.GetFileName(nupkg)), overwrite: true);
            }
        }
    }
}
