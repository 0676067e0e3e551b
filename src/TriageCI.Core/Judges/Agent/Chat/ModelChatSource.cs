using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// A live model. Each conversation's client is the provider's behind, from the outside in: budget enforcement,
/// secret redaction, the transcript, logging and retries. Redaction comes before the transcript and the log, so
/// neither holds a secret; retries sit innermost, so a retried call is budgeted, recorded and logged once.
/// </summary>
public sealed class ModelChatSource(
    IChatClient provider,
    string modelId,
    SecretRedactor redactor,
    RetryOptions? retry = null,
    TimeProvider? time = null,
    ILoggerFactory? loggers = null) : IJudgeChatSource, IDisposable
{
    private readonly RetryChatClient _retrying = new RetryChatClient(provider, retry, time,
        (loggers ?? NullLoggerFactory.Instance).CreateLogger<RetryChatClient>());

    private readonly ILogger _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<LoggingChatClient>();

    public string Kind => "agent";

    public string? ModelId => modelId;

    public Task<IChatClient> OpenAsync(JudgeSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        IChatClient client = new BudgetChatClient(
            new RedactingChatClient(
                new TranscriptChatClient(
                    new LoggingChatClient(new SharedChatClient(_retrying), _logger),
                    session.Recorder),
                redactor),
            session.Meter);
        return Task.FromResult(client);
    }

    /// <summary>Disposes the provider, which this source owns.</summary>
    public void Dispose() => _retrying.Dispose();

    /// <summary>Lets a conversation's client be disposed without disposing the provider every conversation shares.</summary>
    private sealed class SharedChatClient(IChatClient inner) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            inner.GetResponseAsync(messages, options, cancellationToken);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            inner.GetStreamingResponseAsync(messages, options, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }
}
