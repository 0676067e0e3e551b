using Microsoft.Extensions.AI;

namespace TriageCI.Llm.Tests.Wire;

/// <summary>The conversation every wire test sends: system rules, the trial, one tool round trip, and the tools.</summary>
internal static class Conversation
{
    public static List<ChatMessage> Messages() =>
    [
        new(ChatRole.System, "You are the judge."),
        new(ChatRole.User, "Triage trial t1."),
        new(ChatRole.Assistant, [new FunctionCallContent("call_1", "grep", new Dictionary<string, object?> { ["pattern"] = "Error" })]),
        new(ChatRole.Tool, [new FunctionResultContent("call_1", "log.txt:3: Error: boom")]),
    ];

    public static ChatOptions Options() => new()
    {
        Temperature = 0,
        MaxOutputTokens = 512,
        ToolMode = ChatToolMode.Auto,
        Tools = [AIFunctionFactory.Create((string pattern) => pattern, "grep", "Searches the trial's files.")],
    };
}
