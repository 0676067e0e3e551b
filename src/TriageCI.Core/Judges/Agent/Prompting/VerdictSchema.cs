using System.Text.Json;
using System.Text.Json.Nodes;
using TriageCI.Core.Taxonomy;

namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>The JSON schema of the judge's final answer, built from the taxonomy's single source.</summary>
public static class VerdictSchema
{
    public const string Undetermined = "undetermined";

    public static IReadOnlyList<string> ClassIds { get; } = [.. FailureTaxonomy.Entries.Select(e => e.Id), Undetermined];

    public static string Json { get; } = Build().ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static JsonObject Build()
    {
        JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = Strings(["class", "confidence", "rationale", "evidence"]),
            ["properties"] = new JsonObject
            {
                ["class"] = new JsonObject { ["enum"] = Strings(ClassIds) },
                ["leaning"] = new JsonObject
                {
                    ["description"] = "only with class undetermined: the subcategory the evidence leans to",
                    ["enum"] = Strings(FailureTaxonomy.Entries.Select(e => e.SubcategoryId)),
                },
                ["confidence"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
                ["rationale"] = new JsonObject { ["type"] = "string", ["maxLength"] = VerdictAnswerLimits.RationaleChars },
                ["evidence"] = new JsonObject
                {
                    ["type"] = "array",
                    ["maxItems"] = VerdictAnswerLimits.Citations,
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = Strings(["kind"]),
                        ["properties"] = new JsonObject
                        {
                            ["kind"] = new JsonObject { ["enum"] = Strings(["probe", "file", "trajectory", "command"]) },
                            ["signal"] = new JsonObject { ["type"] = "string", ["description"] = "probe: a signal id from the evidence" },
                            ["path"] = new JsonObject { ["type"] = "string", ["description"] = "file: a trial file path as listed" },
                            ["start_line"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                            ["end_line"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                            ["step"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["description"] = "trajectory: the step number" },
                            ["command"] = new JsonObject { ["type"] = "string", ["description"] = "command: exactly as you ran it with a tool" },
                            ["note"] = new JsonObject { ["type"] = "string", ["description"] = "what this shows, one sentence" },
                        },
                    },
                },
            },
        };
    }
}
