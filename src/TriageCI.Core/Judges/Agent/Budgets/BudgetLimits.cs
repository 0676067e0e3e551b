using System.Globalization;

namespace TriageCI.Core.Judges.Agent.Budgets;

/// <summary>
/// Hard limits on what the agent judge may spend, per task or per run. A null limit is no limit. Parsed from and
/// written as <c>turns=12,input-tokens=150000,output-tokens=8000,seconds=300,cost=0.50</c>.
/// </summary>
public sealed record BudgetLimits
{
    /// <summary>The per-task defaults: room for a real investigation, small enough for a run of hundreds of failures.</summary>
    public static BudgetLimits TaskDefault { get; } = new()
    {
        Turns = 16,
        InputTokens = 200_000,
        OutputTokens = 16_000,
        WallTime = TimeSpan.FromMinutes(5),
    };

    /// <summary>No limit at all: the default for a whole run, where the task limits and a price table usually suffice.</summary>
    public static BudgetLimits None { get; } = new();

    /// <summary>Model calls.</summary>
    public int? Turns { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public TimeSpan? WallTime { get; init; }

    /// <summary>US dollars; only enforced when a price table gives the model's prices.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Reads <c>key=value</c> pairs separated by commas; keys not given keep the values of <paramref name="defaults"/>.</summary>
    /// <exception cref="FormatException">An unknown key, a value that is not a positive number, or a malformed pair.</exception>
    public static BudgetLimits Parse(string? text, BudgetLimits defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var limits = defaults;
        if (string.IsNullOrWhiteSpace(text))
        {
            return limits;
        }

        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new FormatException($"budget '{pair}' is not key=value (keys: {Keys})");
            }

            var value = parts[1];
            limits = parts[0].ToLowerInvariant() switch
            {
                "turns" => limits with { Turns = checked((int)Positive(pair, value)) },
                "input-tokens" => limits with { InputTokens = (long)Positive(pair, value) },
                "output-tokens" => limits with { OutputTokens = (long)Positive(pair, value) },
                "seconds" => limits with { WallTime = TimeSpan.FromSeconds((double)Positive(pair, value)) },
                "cost" => limits with { CostUsd = Positive(pair, value) },
                _ => throw new FormatException($"unknown budget '{parts[0]}' (keys: {Keys})"),
            };
        }

        return limits;
    }

    /// <summary>The limits in the form <see cref="Parse"/> reads; <c>none</c> when there are none.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Turns is { } turns)
        {
            parts.Add(FormattableString.Invariant($"turns={turns}"));
        }

        if (InputTokens is { } input)
        {
            parts.Add(FormattableString.Invariant($"input-tokens={input}"));
        }

        if (OutputTokens is { } output)
        {
            parts.Add(FormattableString.Invariant($"output-tokens={output}"));
        }

        if (WallTime is { } wall)
        {
            parts.Add(FormattableString.Invariant($"seconds={wall.TotalSeconds:0.###}"));
        }

        if (CostUsd is { } cost)
        {
            parts.Add(FormattableString.Invariant($"cost={cost}"));
        }

        return parts.Count == 0 ? "none" : string.Join(',', parts);
    }

    private const string Keys = "turns, input-tokens, output-tokens, seconds, cost";

    private static decimal Positive(string pair, string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"budget '{pair}' needs a positive number");
}
