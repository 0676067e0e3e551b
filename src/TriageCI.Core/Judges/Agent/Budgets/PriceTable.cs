using System.Text.Json;

namespace TriageCI.Core.Judges.Agent.Budgets;

/// <summary>
/// Model prices from a JSON file the user keeps, since prices change faster than releases:
/// <c>{"gpt-4o": {"input_per_million": 2.5, "output_per_million": 10}}</c>. A model matches its own name, or the
/// longest key it starts with (<c>gpt-4o</c> prices <c>gpt-4o-2024-08-06</c>); names compare without case.
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices;

    public PriceTable(IReadOnlyDictionary<string, ModelPrice> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _prices = new Dictionary<string, ModelPrice>(prices, StringComparer.OrdinalIgnoreCase);
    }

    public static PriceTable Empty { get; } = new(new Dictionary<string, ModelPrice>());

    /// <exception cref="FormatException">The file is not such a JSON object; the message names the file and the entry.</exception>
    public static PriceTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{path}: a price table is a JSON object of model names");
            }

            var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
            foreach (var model in document.RootElement.EnumerateObject())
            {
                prices[model.Name] = new ModelPrice(Number(path, model, "input_per_million"), Number(path, model, "output_per_million"));
            }

            return new PriceTable(prices);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: malformed JSON at line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new FormatException($"{path}: cannot be read ({ex.Message})", ex);
        }
    }

    public ModelPrice? PriceOf(string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return null;
        }

        if (_prices.TryGetValue(model, out var exact))
        {
            return exact;
        }

        return _prices.Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }

    private static decimal Number(string path, JsonProperty model, string field) =>
        model.Value.ValueKind == JsonValueKind.Object
        && model.Value.TryGetProperty(field, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetDecimal(out var number)
        && number >= 0
            ? number
            : throw new FormatException($"{path}: model '{model.Name}' needs a non-negative number '{field}'");
}
