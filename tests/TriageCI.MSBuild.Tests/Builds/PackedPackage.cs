namespace TriageCI.MSBuild.Tests.Builds;

/// <summary>
/// TriageCI.MSBuild packed from this build into a local folder, and a NuGet.config that lists that folder alone: the
/// example projects restore nothing else, so the builds run offline on a fresh machine.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private readonly TempFolder _root = new();

    public string Root => _root.Path;

    public string Feed => Path.Combine(Root, "feed");

    public string Packages => Path.Combine(Root, "packages");

    public string NuGetConfig => Path.Combine(Root, "NuGet.config");

    public string Version { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var project = Path.Combine(RepositoryPaths.Root, "src", "TriageCI.MSBuild", "TriageCI.MSBuild.csproj");
        // The test run built the task and the tool already; packing without building keeps that one build.
        var (exit, output) = await Dotnet.RunAsync(Root, Packages, "pack", project, "--no-build", "--configuration", ToolBuild.Configuration, "--output", Feed);
        Assert.True(exit == 0, $"dotnet pack failed ({exit}):\n{output}");
        var package = Assert.Single(Directory.GetFiles(Feed, "TriageCI.MSBuild.*.nupkg"));
        Version = Path.GetFileNameWithoutExtension(package)["TriageCI.MSBuild.".Length..];
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="triageci-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public ValueTask DisposeAsync()
    {
        _root.Dispose();
        return ValueTask.CompletedTask;
    }
}
