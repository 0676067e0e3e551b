using System.Text;

namespace TriageCI.GitHub.Publishing;

/// <summary>
/// The hidden key TriageCI puts on the first line of what it writes to GitHub, <c>&lt;!-- triageci:KIND KEY --&gt;</c>,
/// to find it again. The key is percent-encoded down to a safe alphabet, so no key can end the HTML comment or
/// be a prefix of another key's marker.
/// </summary>
public static class HiddenMarker
{
    public static string For(string kind, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(key);
        return $"<!-- triageci:{Encode(kind)} {Encode(key)} -->";
    }

    public static bool IsIn(string? body, string marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        return body is not null && body.Contains(marker, StringComparison.Ordinal);
    }

    private static string Encode(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '/' or '@' or ':' or '+' or '=' or '-'))
            {
                output.Append(c);
            }
            else
            {
                output.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return output.ToString();
    }
}
