using System.Text.Json;
using TriageCI.Core.Judges.Agent.Prompting;
using TriageCI.Core.Taxonomy;

namespace TriageCI.Core.Judges.Agent.Answers;

/// <summary>
/// Checks the judge's final message against the verdict schema. The whole message must be the one JSON object
/// (a surrounding markdown code fence is tolerated); JSON found anywhere else, such as inside a tool result or
/// quoted benchmark text, is never looked at. Stateless and thread-safe.
/// </summary>
public static class VerdictAnswerParser
{
    public static AnswerCheck Parse(string? message)
    {
        var text = StripCodeFence(message?.Trim() ?? string.Empty);
        if (text.Length == 0)
        {
            return Invalid("the reply is empty; it must be the JSON verdict object");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return Invalid($"the reply is not one JSON object ({ex.Message}); reply with the object alone, no prose");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("the reply must be a JSON object");
            }

            var problems = new List<string>();
            TaxonomyEntry? entry = null;
            var isUndetermined = false;
            if (String(root, "class") is not { } classId)
            {
                problems.Add($"'class' is required: one of {string.Join(", ", VerdictSchema.ClassIds)}");
            }
            else if (classId.Trim().Equals(VerdictSchema.Undetermined, StringComparison.OrdinalIgnoreCase))
            {
                isUndetermined = true;
            }
            else if (!classId.Contains('/', StringComparison.Ordinal) || !FailureTaxonomy.TryParse(classId, out entry))
            {
                problems.Add($"'class' is '{Short(classId)}', not one of {string.Join(", ", VerdictSchema.ClassIds)}");
            }

            FailureClass? leaning = null;
            if (String(root, "leaning") is { Length: > 0 } lean)
            {
                if (FailureTaxonomy.TryParse(lean, out var leanEntry))
                {
                    leaning = leanEntry.Class;
                }
                else
                {
                    problems.Add($"'leaning' is '{Short(lean)}', not a subcategory id");
                }
            }

            double confidence = 0;
            if (!root.TryGetProperty("confidence", out var c) || c.ValueKind != JsonValueKind.Number || !c.TryGetDouble(out confidence) || confidence is < 0 or > 1 || double.IsNaN(confidence))
            {
                problems.Add("'confidence' must be a number from 0 to 1");
            }

            var rationale = String(root, "rationale")?.Trim();
            if (string.IsNullOrEmpty(rationale))
            {
                problems.Add("'rationale' must be a non-empty string");
            }
            else if (rationale.Length > VerdictAnswerLimits.RationaleChars)
            {
                problems.Add($"'rationale' is {rationale.Length} characters; keep it under {VerdictAnswerLimits.RationaleChars}");
            }

            var citations = Citations(root, problems);
            if (problems.Count > 0 || (entry is null && !isUndetermined))
            {
                return new AnswerCheck(null, problems);
            }

            return new AnswerCheck(new VerdictAnswer
            {
                Class = entry,
                Leaning = isUndetermined ? leaning : null,
                Confidence = confidence,
                Rationale = rationale!,
                Citations = citations,
            }, []);
        }
    }

    private static List<Citation> Citations(JsonElement root, List<string> problems)
    {
        var citations = new List<Citation>();
        if (!root.TryGetProperty("evidence", out var evidence))
        {
            problems.Add("'evidence' is required: an array, empty if you cite nothing");
            return citations;
        }

        if (evidence.ValueKind != JsonValueKind.Array)
        {
            problems.Add("'evidence' must be an array");
            return citations;
        }

        var index = 0;
        foreach (var item in evidence.EnumerateArray())
        {
            index++;
            if (citations.Count >= VerdictAnswerLimits.Citations)
            {
                problems.Add($"'evidence' holds more than {VerdictAnswerLimits.Citations} items");
                break;
            }

            if (item.ValueKind != JsonValueKind.Object || String(item, "kind") is not { } kind || kind is not ("probe" or "file" or "trajectory" or "command"))
            {
                problems.Add($"evidence item {index} needs 'kind': probe, file, trajectory or command");
                continue;
            }

            var citation = new Citation
            {
                Kind = kind,
                Signal = String(item, "signal"),
                Path = String(item, "path"),
                StartLine = Integer(item, "start_line"),
                EndLine = Integer(item, "end_line"),
                Step = Integer(item, "step"),
                Command = String(item, "command"),
                Note = String(item, "note") is { } note ? Short(note, 300) : null,
            };
            var missing = kind switch
            {
                "probe" when citation.Signal is null => "'signal'",
                "file" when citation.Path is null => "'path'",
                "trajectory" when citation.Step is null => "'step'",
                "command" when citation.Command is null => "'command'",
                _ => null,
            };
            if (missing is not null)
            {
                problems.Add($"evidence item {index} of kind {kind} needs {missing}");
                continue;
            }

            citations.Add(citation);
        }

        return citations;
    }

    private static string StripCodeFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? text : text[(firstLineEnd + 1)..^3].Trim();
    }

    private static AnswerCheck Invalid(string problem) => new(null, [problem]);

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string Short(string text, int max = 60) => text.Length <= max ? text : text[..max] + "…";
}
