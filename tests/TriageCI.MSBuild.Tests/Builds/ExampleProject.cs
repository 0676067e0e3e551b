namespace TriageCI.MSBuild.Tests.Builds;

/// <summary>
/// A .NET project that uses the packed TriageCI.MSBuild as a user would: a PackageReference, Triage* properties, and a
/// target of its own after Triage that writes what the build got (TriageVerdict items, counts, scores) to a file.
/// </summary>
internal sealed class ExampleProject
{
    public const string ItemsFile = "triage-items.txt";

    private readonly PackedPackage _package;
    private readonly string _packages;

    public ExampleProject(PackedPackage package, string name, IReadOnlyDictionary<string, string> properties, string? packagesFolder = null)
    {
        _package = package;
        _packages = packagesFolder ?? package.Packages;
        Folder = Path.Combine(package.Root, name);
        Directory.CreateDirectory(Folder);
        // Empty files stop MSBuild's search for directory-wide settings above the example.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Folder, file), "<Project />\n");
        }

        File.Copy(package.NuGetConfig, Path.Combine(Folder, "NuGet.config"));
        var settings = string.Concat(properties.Select(p => $"\n    <{p.Key}>{p.Value}</{p.Key}>"));
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>{settings}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TriageCI.MSBuild" Version="{package.Version}" />
              </ItemGroup>
              <Target Name="WriteTriageItems" AfterTargets="Triage">
                <WriteLinesToFile File="{ItemsFile}" Overwrite="true"
                                  Lines="@(TriageVerdict->'%(Identity) | %(TaskId) | %(Category) | %(Subcategory) | %(Leaning) | %(Confidence) | %(Action)');trials=$(TriageTrials) resolved=$(TriageResolved) failed=$(TriageFailed) unreadable=$(TriageUnreadable) task-defects=$(TriageTaskDefects) infrastructure=$(TriageInfrastructureFailures) agent-errors=$(TriageAgentErrors) undetermined=$(TriageUndetermined) raw=$(TriageRawScore) adjusted=$(TriageAdjustedScore)" />
              </Target>
            </Project>
            """);
    }

    public string Folder { get; }

    public string ProjectFile => Path.Combine(Folder, "Example.csproj");

    public string Items => Path.Combine(Folder, ItemsFile);

    public string Report => Path.Combine(Folder, "obj", "Debug", "net10.0", "triage", "triage-report.json");

    /// <summary>
    /// Builds the project; returns the exit code and the warnings and errors, one per line, as MSBuild's file logger
    /// wrote them, with the machine's folders replaced by placeholders.
    /// </summary>
    public async Task<(int Exit, string[] Diagnostics)> BuildAsync(params string[] extra)
    {
        var log = Path.Combine(Folder, "build.log");
        var (exit, output) = await Dotnet.RunAsync(Folder, _packages,
            ["build", ProjectFile, "--disable-build-servers", "-tl:off", $"-flp:logfile={log};verbosity=quiet;NoSummary", .. extra]);
        var lines = File.Exists(log) ? await File.ReadAllLinesAsync(log) : throw new InvalidOperationException($"MSBuild wrote no log:\n{output}");
        return (exit, lines.Where(l => l.Length > 0).Select(Normalise).ToArray());
    }

    public string Normalise(string text) => text
        .Replace(RepositoryPaths.SampleRun, "<sample-run>", StringComparison.Ordinal)
        .Replace(_packages, "<packages>", StringComparison.Ordinal)
        .Replace(Folder, "<project>", StringComparison.Ordinal)
        .Replace(_package.Root, "<root>", StringComparison.Ordinal);
}
