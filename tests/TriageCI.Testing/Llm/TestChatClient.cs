using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TriageCI.Testing.Llm;

/// <summary>A chat client whose answers come from callbacks, in the style of Microsoft.Extensions.AI's own tests.</summary>
public sealed class TestChatClient : IChatClient
{
    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>? GetResponseAsyncCallback { get; set; }

    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>? GetStreamingResponseAsyncCallback { get; set; }

    /// <summary>Every request, as sent.</summary>
    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        lock (Requests)
        {
            Requests.Add((sent, options));
        }

        return (GetResponseAsyncCallback ?? throw new InvalidOperationException("no GetResponseAsyncCallback"))(sent, options, cancellationToken);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        lock (Requests)
        {
            Requests.Add((sent, options));
        }

        await foreach (var update in (GetStreamingResponseAsyncCallback ?? throw new InvalidOperationException("no GetStreamingResponseAsyncCallback"))(sent, options, cancellationToken))
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    /// <summary>A responder that answers each call with the next of the given responses.</summary>
    public static Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> Answers(params ChatResponse[] responses)
    {
        var queue = new Queue<ChatResponse>(responses);
        return (_, _, _) =>
        {
            lock (queue)
            {
                return Task.FromResult(queue.Count > 0 ? queue.Dequeue() : throw new InvalidOperationException("the script has no more answers"));
            }
        };
    }

    public static ChatResponse Text(string text, long input = 100, long output = 20) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output }, ModelId = "test-model" };

    public static ChatResponse Call(string callId, string name, IDictionary<string, object?> arguments, long input = 100, long output = 20) =>
        new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, name, arguments)])) { Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output }, ModelId = "test-model" };
}
