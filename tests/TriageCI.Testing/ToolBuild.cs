using System.Reflection;

namespace TriageCI.Testing;

/// <summary>The <c>triage</c> tool as this test run built it, and the build configuration.</summary>
public static class ToolBuild
{
    public static string Configuration { get; } =
        typeof(ToolBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>
    /// The CLI's own build output, which holds the runtime configuration <c>dotnet exec</c> needs. The copy in a test
    /// project's output is no substitute: a test project on the ASP.NET Core framework leaves out the packages that
    /// framework brings, which the tool needs on its own.
    /// </summary>
    public static string TriageDll
    {
        get
        {
            var path = Path.Combine(RepositoryPaths.Root, "src", "TriageCI.Cli", "bin", Configuration, "net10.0", "triage.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The triage tool was not built at {path}; build the solution in {Configuration} first.", path);
        }
    }
}
