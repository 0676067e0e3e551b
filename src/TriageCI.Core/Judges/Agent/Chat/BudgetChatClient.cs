using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using TriageCI.Core.Judges.Agent.Budgets;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// Enforces a conversation's hard budgets: refuses a call once a limit is spent, caps each call's output tokens to
/// what is left, cancels a call that outlives the time left, and records each call's usage (estimated from the text
/// when the endpoint reports none). Raises <see cref="BudgetExhaustedException"/>. One conversation: not thread-safe.
/// </summary>
public sealed class BudgetChatClient(IChatClient innerClient, BudgetMeter meter) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        meter.EnsureCanCall();
        using var deadline = Deadline(cancellationToken);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(sent, Capped(options), deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BudgetExhaustedException($"{TimeReason()} while waiting for the model", ex);
        }

        Record(sent, options, response.Usage, response.Text);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        meter.EnsureCanCall();
        using var deadline = Deadline(cancellationToken);
        UsageDetails? usage = null;
        var text = new System.Text.StringBuilder();
        await using var updates = base.GetStreamingResponseAsync(sent, Capped(options), deadline.Token).GetAsyncEnumerator(deadline.Token);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    break;
                }
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BudgetExhaustedException($"{TimeReason()} while the model was answering", ex);
            }

            foreach (var content in updates.Current.Contents)
            {
                if (content is UsageContent { Details: var details })
                {
                    usage = details;
                }
            }

            text.Append(updates.Current.Text);
            yield return updates.Current;
        }

        Record(sent, options, usage, text.ToString());
    }

    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (meter.RemainingTime is { } left)
        {
            // The timer runs on the meter's clock, so tests drive deadlines without waiting.
            var timer = meter.Time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), source, left, Timeout.InfiniteTimeSpan);
            source.Token.Register(static t => ((ITimer)t!).Dispose(), timer);
        }

        return source;
    }

    private string TimeReason() => meter.ExhaustedReason() ?? "the time budget is spent";

    private ChatOptions Capped(ChatOptions? options)
    {
        var copy = options?.Clone() ?? new ChatOptions();
        copy.MaxOutputTokens = meter.OutputTokenCap(options?.MaxOutputTokens);
        return copy;
    }

    private void Record(List<ChatMessage> sent, ChatOptions? options, UsageDetails? usage, string answer) =>
        meter.Record(usage?.InputTokenCount ?? TokenEstimate.Of(sent, options), usage?.OutputTokenCount ?? TokenEstimate.Of(answer));
}
