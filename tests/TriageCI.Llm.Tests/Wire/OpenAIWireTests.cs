using Microsoft.Extensions.AI;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Testing.Llm;

namespace TriageCI.Llm.Tests.Wire;

/// <summary>
/// The OpenAI SDK behind the project's adapter, against a loopback server speaking the chat-completions wire format
/// (https://platform.openai.com/docs/api-reference/chat/create): each test holds the request the server must receive and
/// the response it sends, verbatim.
/// </summary>
public class OpenAIWireTests
{
    private const string ExpectedRequest = """
        {
          "temperature": 0,
          "messages": [
            { "role": "system", "content": "You are the judge." },
            { "role": "user", "content": "Triage trial t1." },
            { "role": "assistant", "tool_calls": [
              { "id": "call_1", "type": "function", "function": { "name": "grep", "arguments": "{\"pattern\":\"Error\"}" } } ] },
            { "role": "tool", "tool_call_id": "call_1", "content": "log.txt:3: Error: boom" }
          ],
          "model": "gpt-4o",
          "max_completion_tokens": 512,
          "tools": [
            { "type": "function", "function": {
              "description": "Searches the trial's files.",
              "name": "grep",
              "parameters": { "type": "object", "properties": { "pattern": { "type": "string" } }, "required": ["pattern"] } } }
          ],
          "tool_choice": "auto"
        }
        """;

    private const string ToolCallResponse = """
        {
          "id": "chatcmpl-AZ1",
          "object": "chat.completion",
          "created": 1741569952,
          "model": "gpt-4o-2024-08-06",
          "choices": [ {
            "index": 0,
            "message": {
              "role": "assistant",
              "content": null,
              "tool_calls": [ {
                "id": "call_2",
                "type": "function",
                "function": { "name": "read_file", "arguments": "{\"path\":\"jobs/j/t/verifier/test-stdout.txt\",\"startLine\":10}" } } ],
              "refusal": null },
            "logprobs": null,
            "finish_reason": "tool_calls" } ],
          "usage": { "prompt_tokens": 812, "completion_tokens": 31, "total_tokens": 843 }
        }
        """;

    private const string TextResponse = """
        {
          "id": "chatcmpl-AZ2",
          "object": "chat.completion",
          "created": 1741569953,
          "model": "gpt-4o-2024-08-06",
          "choices": [ { "index": 0, "message": { "role": "assistant", "content": "{\"class\":\"undetermined\"}", "refusal": null }, "logprobs": null, "finish_reason": "stop" } ],
          "usage": { "prompt_tokens": 900, "completion_tokens": 12, "total_tokens": 912 }
        }
        """;

    [Fact]
    public async Task A_tool_round_trip_goes_out_as_chat_completions_JSON_and_a_tool_call_comes_back_with_its_usage()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(ScriptedResponse.Json(ToolCallResponse)));
        using var client = Clients.OpenAI(server, "sk-test-0123456789");

        var response = await client.GetResponseAsync(Conversation.Messages(), Conversation.Options(), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-0123456789", request.Header("Authorization"));
        WireJson.Equal(ExpectedRequest, request.Body);

        var call = Assert.IsType<FunctionCallContent>(Assert.Single(Assert.Single(response.Messages).Contents));
        Assert.Equal("call_2", call.CallId);
        Assert.Equal("read_file", call.Name);
        Assert.Equal("jobs/j/t/verifier/test-stdout.txt", call.Arguments!["path"]!.ToString());
        Assert.Equal("10", call.Arguments["startLine"]!.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(812, response.Usage!.InputTokenCount);
        Assert.Equal(31, response.Usage.OutputTokenCount);
        Assert.Equal("gpt-4o-2024-08-06", response.ModelId);
    }

    [Fact]
    public async Task A_final_text_answer_comes_back_as_text_with_stop()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(ScriptedResponse.Json(TextResponse)));
        using var client = Clients.OpenAI(server, "sk-test-0123456789");

        var response = await client.GetResponseAsync(Conversation.Messages(), Conversation.Options(), TestContext.Current.CancellationToken);

        Assert.Equal("{\"class\":\"undetermined\"}", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(912, response.Usage!.TotalTokenCount);
    }

    [Fact]
    public async Task Choosing_no_tool_sends_tool_choice_none()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(ScriptedResponse.Json(TextResponse)));
        using var client = Clients.OpenAI(server, "sk-test-0123456789");
        var options = Conversation.Options();
        options.ToolMode = ChatToolMode.None;

        await client.GetResponseAsync(Conversation.Messages(), options, TestContext.Current.CancellationToken);

        Assert.Equal("none", server.Requests[0].Json["tool_choice"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_streamed_answer_assembles_text_tool_call_fragments_and_usage()
    {
        // Chunks as the API streams them: the role first, tool-call arguments in fragments, then finish, then usage.
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(ScriptedResponse.Sse(
            """{"id":"chatcmpl-S1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"Checking "},"finish_reason":null}]}""",
            """{"id":"chatcmpl-S1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"the log."},"finish_reason":null}]}""",
            """{"id":"chatcmpl-S1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_9","type":"function","function":{"name":"grep","arguments":""}}]},"finish_reason":null}]}""",
            """{"id":"chatcmpl-S1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"pattern\":"}}]},"finish_reason":null}]}""",
            """{"id":"chatcmpl-S1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Traceback\"}"}}]},"finish_reason":null}]}""",
            """{"id":"chatcmpl-S1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""",
            """{"id":"chatcmpl-S1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[],"usage":{"prompt_tokens":77,"completion_tokens":9,"total_tokens":86}}""",
            "[DONE]")));
        using var client = Clients.OpenAI(server, "sk-test-0123456789");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Conversation.Messages(), Conversation.Options(), TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.True(server.Requests[0].Json["stream"]!.GetValue<bool>());
        var response = updates.ToChatResponse();
        Assert.Equal("Checking the log.", response.Text);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("call_9", "grep", "Traceback"), (call.CallId, call.Name, call.Arguments!["pattern"]!.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal((77L, 9L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value));
    }

    [Fact]
    public async Task A_429_carries_its_Retry_After_to_the_retry_decorator()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(
            ScriptedResponse.Error(429, """{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""", retryAfter: "7")));
        using var client = Clients.OpenAI(server, "sk-test-0123456789");

        var failure = await Assert.ThrowsAsync<ModelEndpointException>(() => client.GetResponseAsync(Conversation.Messages(), null, TestContext.Current.CancellationToken));

        Assert.Equal(429, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
        Assert.True(failure.IsTransient);
        Assert.Contains("Rate limit reached", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retries_wait_as_long_as_Retry_After_says_then_succeed_without_sleeping()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(
            ScriptedResponse.Error(429, """{"error":{"message":"slow down"}}""", retryAfter: "7"),
            ScriptedResponse.Error(503, """{"error":{"message":"overloaded"}}"""),
            ScriptedResponse.Json(TextResponse)));
        var time = new ManualTimeProvider { AutoAdvance = true };
        using var client = new RetryChatClient(Clients.OpenAI(server, "sk-test-0123456789"), new RetryOptions { BaseDelay = TimeSpan.FromSeconds(2) }, time);
        var started = DateTime.UtcNow;

        var response = await client.GetResponseAsync(Conversation.Messages(), null, TestContext.Current.CancellationToken);

        Assert.Equal("{\"class\":\"undetermined\"}", response.Text);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), time.Waits[0]);
        Assert.InRange(time.Waits[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the retries slept for real");
    }

    [Fact]
    public async Task A_400_is_the_request_s_fault_and_is_not_retried()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(
            ScriptedResponse.Error(400, """{"error":{"message":"Invalid 'messages'","type":"invalid_request_error"}}"""),
            ScriptedResponse.Json(TextResponse)));
        using var client = new RetryChatClient(Clients.OpenAI(server, "sk-test-0123456789"), time: new ManualTimeProvider { AutoAdvance = true });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(Conversation.Messages(), null, TestContext.Current.CancellationToken));

        Assert.IsNotType<ModelEndpointException>(failure);
        Assert.Contains("400", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_limit_fails_at_once()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(
            ScriptedResponse.Error(429, """{"error":{"message":"quota"}}""", retryAfter: "3600"),
            ScriptedResponse.Json(TextResponse)));
        var time = new ManualTimeProvider { AutoAdvance = true };
        using var client = new RetryChatClient(Clients.OpenAI(server, "sk-test-0123456789"), new RetryOptions { MaxRetryAfter = TimeSpan.FromMinutes(2) }, time);

        var failure = await Assert.ThrowsAsync<ModelEndpointException>(() => client.GetResponseAsync(Conversation.Messages(), null, TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromHours(1), failure.RetryAfter);
        Assert.Single(server.Requests);
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task Azure_OpenAI_goes_to_the_resources_v1_API_with_its_key_header()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(ScriptedResponse.Json(TextResponse)));
        var settings = ProviderResolver.Resolve(new ProviderRequest { Provider = "azure-openai", Model = "my-gpt4o-deployment" },
            new Dictionary<string, string> { ["AZURE_OPENAI_ENDPOINT"] = server.BaseUrl.ToString(), ["AZURE_OPENAI_API_KEY"] = "azure-key-0123456789" });
        using var client = ChatClientFactory.Create(settings);

        await client.GetResponseAsync(Conversation.Messages(), null, TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("azure-key-0123456789", request.Header("api-key"));
        Assert.Equal("my-gpt4o-deployment", request.Json["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_a_transient_endpoint_error()
    {
        Uri closed;
        await using (var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue()))
        {
            closed = server.BaseUrl;
        }

        using var client = ChatClientFactory.Create(new ProviderSettings(ProviderKind.OpenAICompatible, "m", new Uri(closed, "v1/"), null, "none"));

        var failure = await Assert.ThrowsAsync<ModelEndpointException>(() => client.GetResponseAsync(Conversation.Messages(), null, TestContext.Current.CancellationToken));

        Assert.Equal(0, failure.StatusCode);
        Assert.True(failure.IsTransient);
    }
}
