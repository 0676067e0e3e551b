using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// Retries transient endpoint errors (<see cref="ModelEndpointException.IsTransient"/>) with exponential backoff and
/// jitter, waiting exactly as long as a <c>Retry-After</c> asks when the endpoint gives one. Waits run on the given
/// <see cref="TimeProvider"/>. A streamed answer is retried only until its first update. Thread-safe.
/// </summary>
public sealed partial class RetryChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;

    public RetryChatClient(IChatClient innerClient, RetryOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
        : base(innerClient)
    {
        var settings = options ?? new RetryOptions();
        _logger = logger ?? NullLogger.Instance;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelEndpointException { IsTransient: true } e
                    && (e.RetryAfter is null || e.RetryAfter <= settings.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ModelEndpointException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is ModelEndpointException failure)
                    {
                        LogRetry(_logger, failure.StatusCode, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1, settings.MaxRetries);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        return await _pipeline.ExecuteAsync(async token => await base.GetResponseAsync(sent, options, token), cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        var (updates, first) = await _pipeline.ExecuteAsync(async token =>
        {
            var enumerator = base.GetStreamingResponseAsync(sent, options, token).GetAsyncEnumerator(token);
            try
            {
                return (enumerator, await enumerator.MoveNextAsync() ? enumerator.Current : null);
            }
            catch
            {
                await enumerator.DisposeAsync();
                throw;
            }
        }, cancellationToken);

        await using (updates)
        {
            if (first is null)
            {
                yield break;
            }

            yield return first;
            while (await updates.MoveNextAsync())
            {
                yield return updates.Current;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model endpoint answered {Status}; retrying in {Seconds:0.#} s (retry {Attempt} of {MaxRetries})")]
    private static partial void LogRetry(ILogger logger, int status, double seconds, int attempt, int maxRetries);
}
