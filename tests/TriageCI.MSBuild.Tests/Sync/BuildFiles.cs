using System.Xml.Linq;

namespace TriageCI.MSBuild.Tests.Sync;

/// <summary>The package's build/ files, as XML.</summary>
internal static class BuildFiles
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "src", "TriageCI.MSBuild", "build");

    public static XDocument Props => XDocument.Load(Path.Combine(Folder, "TriageCI.MSBuild.props"));

    public static XDocument Targets => XDocument.Load(Path.Combine(Folder, "TriageCI.MSBuild.targets"));

    /// <summary>The public settings: the properties the .props defines.</summary>
    public static IReadOnlyList<string> Settings =>
        Props.Descendants("PropertyGroup").Elements().Select(e => e.Name.LocalName).ToList();

    public static XElement TaskCall(string taskName) =>
        Assert.Single(Targets.Descendants(taskName));
}
