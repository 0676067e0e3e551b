using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageCI.Llm.Tests.Judge;

/// <summary>Chat-completions response bodies for scripted conversations.</summary>
internal static class OpenAIResponses
{
    public static string ToolCall(string id, string name, object arguments) => new JsonObject
    {
        ["id"] = "chatcmpl-" + id,
        ["object"] = "chat.completion",
        ["created"] = 1741569952,
        ["model"] = "judge-model-1",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = name, ["arguments"] = JsonSerializer.Serialize(arguments) },
                }),
            },
            ["finish_reason"] = "tool_calls",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1200, ["completion_tokens"] = 40, ["total_tokens"] = 1240 },
    }.ToJsonString();

    public static string Text(string content) => new JsonObject
    {
        ["id"] = "chatcmpl-final",
        ["object"] = "chat.completion",
        ["created"] = 1741569953,
        ["model"] = "judge-model-1",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1500, ["completion_tokens"] = 120, ["total_tokens"] = 1620 },
    }.ToJsonString();

    /// <summary>How many tool results the request carries: the turn of a scripted conversation.</summary>
    public static int ToolResults(Testing.Llm.RecordedRequest request) =>
        request.Json["messages"]!.AsArray().Count(m => m!["role"]!.GetValue<string>() == "tool");
}
