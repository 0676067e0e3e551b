using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// Logs each model call: sizes, usage, finish reason and time at debug level, failures at warning level, and the
/// request and response bodies only at trace level, so prompts (benchmark text) never reach a log by default. Sits
/// inside the redaction decorator: even a trace log holds no secret. Thread-safe.
/// </summary>
public sealed partial class LoggingChatClient(IChatClient innerClient, ILogger logger) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        TraceBody(sent, options);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(sent, options, cancellationToken);
            Completed(sent.Count, options, response.Usage, response.FinishReason, started);
            if (logger.IsEnabled(LogLevel.Trace))
            {
                var body = JsonSerializer.Serialize(response.Messages, AIJsonUtilities.DefaultOptions);
                LogResponseBody(logger, body);
            }

            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex.GetType().Name, ex is ModelEndpointException e ? e.StatusCode : null, Stopwatch.GetElapsedTime(started).TotalSeconds);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        TraceBody(sent, options);
        var started = Stopwatch.GetTimestamp();
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in base.GetStreamingResponseAsync(sent, options, cancellationToken))
        {
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            finish = update.FinishReason ?? finish;
            yield return update;
        }

        Completed(sent.Count, options, usage, finish, started);
    }

    private void TraceBody(List<ChatMessage> sent, ChatOptions? options)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            var body = JsonSerializer.Serialize(sent, AIJsonUtilities.DefaultOptions);
            LogRequestBody(logger, body, options?.Tools?.Count ?? 0);
        }
    }

    private void Completed(int messages, ChatOptions? options, UsageDetails? usage, ChatFinishReason? finish, long started)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            LogCompleted(logger, options?.ModelId, messages, options?.Tools?.Count ?? 0, usage?.InputTokenCount, usage?.OutputTokenCount, finish?.Value, seconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model call {Model}: {Messages} messages, {Tools} tools -> {InputTokens} in / {OutputTokens} out tokens, finish {FinishReason}, {Seconds:0.00} s")]
    private static partial void LogCompleted(ILogger logger, string? model, int messages, int tools, long? inputTokens, long? outputTokens, string? finishReason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call failed: {Error} (status {Status}) after {Seconds:0.00} s")]
    private static partial void LogFailed(ILogger logger, string error, int? status, double seconds);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Model request ({Tools} tools): {Body}")]
    private static partial void LogRequestBody(ILogger logger, string body, int tools);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Model response: {Body}")]
    private static partial void LogResponseBody(ILogger logger, string body);
}
