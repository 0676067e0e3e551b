using System.Reflection;

namespace TriageCI.MSBuild.Tests;

/// <summary>The <c>triage</c> tool as this test run built it, and the build configuration.</summary>
internal static class ToolBuild
{
    public static string Configuration { get; } =
        typeof(ToolBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The CLI's own build output, which holds the runtime configuration <c>dotnet exec</c> needs.</summary>
    public static string TriageDll
    {
        get
        {
            var path = Path.Combine(RepositoryPaths.Root, "src", "TriageCI.Cli", "bin", Configuration, "net10.0", "triage.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The triage tool was not built at {path}; build the solution in {Configuration} first.", path);
        }
    }
}
