namespace TriageCI.Testing;

/// <summary>
/// The process environment without anything that says "running in CI or GitHub Actions" (<c>GITHUB_*</c>,
/// <c>RUNNER_*</c>, <c>CI</c>, <c>INPUT_*</c>), plus what a test sets: tests start from the same baseline whether
/// they run on a laptop or inside a workflow.
/// </summary>
public sealed class ScrubbedEnvironment
{
    private readonly Dictionary<string, string> _variables;

    public ScrubbedEnvironment(IReadOnlyDictionary<string, string>? set = null)
    {
        _variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!IsScrubbed(name))
            {
                _variables[name] = (string?)entry.Value ?? string.Empty;
            }
        }

        foreach (var (name, value) in set ?? new Dictionary<string, string>())
        {
            _variables[name] = value;
        }
    }

    public IReadOnlyDictionary<string, string> Variables => _variables;

    public string? Get(string name) => _variables.GetValueOrDefault(name);

    public ScrubbedEnvironment Set(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    /// <summary>Replaces a child process's environment with this one.</summary>
    public void ApplyTo(System.Diagnostics.ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.Environment.Clear();
        foreach (var (name, value) in _variables)
        {
            start.Environment[name] = value;
        }
    }

    public static bool IsScrubbed(string name) =>
        name == "CI" || name.StartsWith("GITHUB_", StringComparison.Ordinal) || name.StartsWith("RUNNER_", StringComparison.Ordinal) || name.StartsWith("INPUT_", StringComparison.Ordinal);
}
