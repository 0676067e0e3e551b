using System.Collections;
using System.Text.RegularExpressions;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// Replaces secrets in text bound for a model: the values of secret-looking environment variables (tokens, keys,
/// passwords, <c>GITHUB_TOKEN</c>), any extra values given (the model's own API key), and anything shaped like a
/// common credential (GitHub, OpenAI, Anthropic, AWS, Slack, Google and Hugging Face keys, JWTs, private-key blocks,
/// bearer tokens, <c>password=…</c> assignments). Immutable and thread-safe.
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>Values shorter than this are too common to be told from ordinary words.</summary>
    public const int MinimumSecretLength = 8;

    private readonly string[] _values;

    public SecretRedactor(IEnumerable<string> secretValues)
    {
        ArgumentNullException.ThrowIfNull(secretValues);
        // Longest first, so a secret that contains another is replaced whole.
        _values = secretValues
            .Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= MinimumSecretLength)
            .Select(v => v.Trim())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToArray();
    }

    /// <summary>Redacts shapes only; no known values.</summary>
    public static SecretRedactor ShapesOnly { get; } = new([]);

    /// <summary>Values of the variables whose names say they hold a secret, plus <paramref name="extra"/>.</summary>
    public static SecretRedactor FromEnvironment(IDictionary environment, IEnumerable<string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new List<string>();
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && entry.Value is string value && SecretName().IsMatch(name))
            {
                values.Add(value);
            }
        }

        values.AddRange((extra ?? []).OfType<string>());
        return new SecretRedactor(values);
    }

    public static SecretRedactor FromEnvironment(IEnumerable<string?>? extra = null) =>
        FromEnvironment(Environment.GetEnvironmentVariables(), extra);

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        foreach (var value in _values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, "[REDACTED:env]", StringComparison.Ordinal);
            }
        }

        text = PrivateKeyBlock().Replace(text, "[REDACTED:private-key]");
        text = KnownTokenShape().Replace(text, "[REDACTED:token]");
        text = Jwt().Replace(text, "[REDACTED:jwt]");
        text = BearerToken().Replace(text, m => m.Groups["scheme"].Value + "[REDACTED:bearer]");
        return SecretAssignment().Replace(text, m => m.Groups["name"].Value + "[REDACTED:assignment]");
    }

    [GeneratedRegex(@"(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH|_PAT$|^PAT_)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|\z)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|sk-[A-Za-z0-9][A-Za-z0-9_\-]{19,}|(AKIA|ASIA)[0-9A-Z]{16}|xox[abposr]-[A-Za-z0-9\-]{10,}|AIza[0-9A-Za-z_\-]{35}|hf_[A-Za-z0-9]{30,}|glpat-[A-Za-z0-9_\-]{20,})", RegexOptions.CultureInvariant)]
    private static partial Regex KnownTokenShape();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<scheme>\b(Bearer|token)\s+)[A-Za-z0-9_\-\.=+/]{20,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"(?<name>\b[A-Za-z_]*(password|passwd|secret|api[_\-]?key|access[_\-]?key|auth[_\-]?token|client[_\-]?secret)[A-Za-z_]*[""']?\s*[:=]\s*[""']?)[^\s""',;]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretAssignment();
}
