using System.Text;

namespace TriageCI.GitHub.Actions;

/// <summary>
/// Appends <c>name=value</c> pairs to a file command file (<c>GITHUB_OUTPUT</c>) in the multi-line form
/// <c>name&lt;&lt;DELIMITER</c>, with a random delimiter that the value cannot contain, so no value can forge another
/// output. Never the deprecated <c>::set-output</c>.
/// </summary>
public static class OutputFile
{
    public static void Append(string path, IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var (name, value) in values)
        {
            string delimiter;
            do
            {
                delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("N");
            }
            while (value.Contains(delimiter, StringComparison.Ordinal));

            text.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
        }

        File.AppendAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
