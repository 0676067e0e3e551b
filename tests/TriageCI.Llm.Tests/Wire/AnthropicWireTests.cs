using Microsoft.Extensions.AI;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Testing.Llm;

namespace TriageCI.Llm.Tests.Wire;

/// <summary>
/// The official Anthropic SDK's own <see cref="IChatClient"/> against a loopback server speaking the Messages API
/// (https://docs.anthropic.com/en/api/messages, tool_use and tool_result blocks), request and response verbatim.
/// </summary>
public class AnthropicWireTests
{
    private const string ExpectedRequest = """
        {
          "max_tokens": 512,
          "messages": [
            { "role": "user", "content": [ { "type": "text", "text": "Triage trial t1." } ] },
            { "role": "assistant", "content": [ { "type": "tool_use", "id": "call_1", "name": "grep", "input": { "pattern": "Error" } } ] },
            { "role": "user", "content": [ { "type": "tool_result", "tool_use_id": "call_1", "is_error": false, "content": "log.txt:3: Error: boom" } ] }
          ],
          "model": "claude-sonnet-4-5",
          "tools": [ {
            "name": "grep",
            "description": "Searches the trial's files.",
            "input_schema": { "type": "object", "properties": { "pattern": { "type": "string" } }, "required": ["pattern"], "additionalProperties": false } } ],
          "tool_choice": { "type": "auto" },
          "system": [ { "type": "text", "text": "You are the judge." } ]
        }
        """;

    private const string ToolUseResponse = """
        {
          "id": "msg_01Aq9w938a90dw8q",
          "type": "message",
          "role": "assistant",
          "model": "claude-sonnet-4-5-20250929",
          "content": [
            { "type": "text", "text": "I will read the test output." },
            { "type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "read_file", "input": { "path": "jobs/j/t/verifier/test-stdout.txt", "startLine": 40 } }
          ],
          "stop_reason": "tool_use",
          "stop_sequence": null,
          "usage": { "input_tokens": 2095, "output_tokens": 503 }
        }
        """;

    private const string TextResponse = """
        {
          "id": "msg_02",
          "type": "message",
          "role": "assistant",
          "model": "claude-sonnet-4-5-20250929",
          "content": [ { "type": "text", "text": "{\"class\":\"undetermined\"}" } ],
          "stop_reason": "end_turn",
          "stop_sequence": null,
          "usage": { "input_tokens": 2400, "output_tokens": 15 }
        }
        """;

    [Fact]
    public async Task A_tool_round_trip_goes_out_as_Messages_API_JSON_and_tool_use_comes_back_as_a_function_call()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(ScriptedResponse.Json(ToolUseResponse)));
        using var client = Clients.Anthropic(server, "sk-ant-test-0123456789");

        var response = await client.GetResponseAsync(Conversation.Messages(), Conversation.Options(), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        Assert.NotNull(request.Header("anthropic-version"));
        Assert.Contains("sk-ant-test-0123456789", request.Header("authorization") ?? request.Header("x-api-key"), StringComparison.Ordinal);
        Assert.Equal("0", request.Header("x-stainless-retry-count"));
        WireJson.Equal(ExpectedRequest, request.Body);

        var contents = Assert.Single(response.Messages).Contents;
        Assert.Equal("I will read the test output.", Assert.IsType<TextContent>(contents[0]).Text);
        var call = Assert.IsType<FunctionCallContent>(contents[1]);
        Assert.Equal(("toolu_01A09q90qw90lq917835lq9", "read_file"), (call.CallId, call.Name));
        Assert.Equal("jobs/j/t/verifier/test-stdout.txt", call.Arguments!["path"]!.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal((2095L, 503L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value));
    }

    [Fact]
    public async Task A_final_text_answer_comes_back_with_end_turn_as_stop()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(ScriptedResponse.Json(TextResponse)));
        using var client = Clients.Anthropic(server, "sk-ant-test-0123456789");

        var response = await client.GetResponseAsync(Conversation.Messages(), Conversation.Options(), TestContext.Current.CancellationToken);

        Assert.Equal("{\"class\":\"undetermined\"}", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task A_429_and_an_overloaded_529_are_retried_as_Retry_After_asks_without_sleeping()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(
            ScriptedResponse.Error(429, """{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}""", retryAfter: "12"),
            ScriptedResponse.Error(529, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""),
            ScriptedResponse.Json(TextResponse)));
        var time = new ManualTimeProvider { AutoAdvance = true };
        using var client = new RetryChatClient(Clients.Anthropic(server, "sk-ant-test-0123456789"), new RetryOptions(), time);

        var response = await client.GetResponseAsync(Conversation.Messages(), Conversation.Options(), TestContext.Current.CancellationToken);

        Assert.Equal("{\"class\":\"undetermined\"}", response.Text);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(12), time.Waits[0]);
    }

    [Fact]
    public async Task A_500_surfaces_as_a_transient_endpoint_error_with_the_provider_s_message()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(
            ScriptedResponse.Error(500, """{"type":"error","error":{"type":"api_error","message":"Internal server error"}}""")));
        using var client = Clients.Anthropic(server, "sk-ant-test-0123456789");

        var failure = await Assert.ThrowsAsync<ModelEndpointException>(() => client.GetResponseAsync(Conversation.Messages(), null, TestContext.Current.CancellationToken));

        Assert.Equal(500, failure.StatusCode);
        Assert.Contains("Internal server error", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }
}
