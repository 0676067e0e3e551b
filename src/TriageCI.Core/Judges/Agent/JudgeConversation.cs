using Microsoft.Extensions.AI;
using TriageCI.Core.Judges.Agent.Answers;
using TriageCI.Core.Judges.Agent.Budgets;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Core.Judges.Agent.Prompting;
using TriageCI.Core.Judges.Agent.Transcripts;

namespace TriageCI.Core.Judges.Agent;

/// <summary>
/// The tool-calling loop, owned here rather than by a function-invoking client so that budgets, fencing and the
/// answer check are ours: send, run the tools the model asks for, fence their results, repeat; stop to answer when
/// the budget runs low; check the final message against the verdict schema, with one repair turn. One conversation.
/// </summary>
public sealed class JudgeConversation(IChatClient client, BudgetMeter meter, UntrustedFence fence, IReadOnlyList<AIFunction> tools, ChatOptions? options = null)
{
    /// <summary>A tool result longer than this is cut (head and tail) before the model sees it.</summary>
    public const int MaxToolResultChars = 20_000;

    public const string ConcludeMessage =
        "Your budget is nearly spent. Do not call tools any more: reply now with only the JSON verdict object, from what you have found.";

    public async Task<ConversationOutcome> RunAsync(JudgePrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        List<ChatMessage> messages = [new(ChatRole.System, prompt.System), new(ChatRole.User, prompt.User)];
        var concluding = false;
        var repaired = false;
        string? note = null;
        string? model = null;
        while (true)
        {
            if (!concluding && meter.ShouldConclude(TokenEstimate.Of(messages) + 2_000))
            {
                concluding = true;
                note = "the budget ran low; the judge was asked to answer from what it had found";
                messages.Add(new ChatMessage(ChatRole.User, ConcludeMessage));
            }

            var callOptions = options?.Clone() ?? new ChatOptions();
            callOptions.Tools = tools.Count == 0 ? null : [.. tools];
            callOptions.ToolMode = tools.Count == 0 ? null : concluding ? ChatToolMode.None : ChatToolMode.Auto;
            ChatResponse response;
            try
            {
                response = await client.GetResponseAsync(messages, callOptions, cancellationToken);
            }
            catch (BudgetExhaustedException ex)
            {
                return new ConversationOutcome { Ending = ConversationOutcome.BudgetExhausted, Note = ex.Message, BudgetLimited = true, Model = model };
            }

            model = response.ModelId ?? model;
            messages.AddRange(response.Messages);
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count > 0 && !concluding)
            {
                messages.Add(new ChatMessage(ChatRole.Tool, await RunToolsAsync(calls, cancellationToken)));
                continue;
            }

            var check = calls.Count > 0
                ? new AnswerCheck(null, ["you called a tool where only the JSON verdict was asked for"])
                : VerdictAnswerParser.Parse(response.Text);
            if (check.Answer is { } answer)
            {
                return new ConversationOutcome
                {
                    Answer = answer,
                    Ending = repaired ? ConversationOutcome.Repaired : ConversationOutcome.Answered,
                    Note = note,
                    BudgetLimited = note is not null,
                    Model = model,
                };
            }

            if (repaired)
            {
                return new ConversationOutcome
                {
                    Ending = ConversationOutcome.InvalidAnswer,
                    Note = string.Join("; ", check.Problems),
                    BudgetLimited = note is not null,
                    Model = model,
                };
            }

            repaired = true;
            concluding = true;
            if (calls.Count > 0)
            {
                // Every tool call needs its result, or the conversation is malformed for the endpoint.
                messages.Add(new ChatMessage(ChatRole.Tool, calls.Select(c => (AIContent)new FunctionResultContent(c.CallId, "error: not run; answer now")).ToList()));
            }

            messages.Add(new ChatMessage(ChatRole.User,
                $"Your reply is not a valid verdict: {string.Join("; ", check.Problems)}. Reply with only the corrected JSON object, nothing else."));
        }
    }

    private async Task<List<AIContent>> RunToolsAsync(List<FunctionCallContent> calls, CancellationToken cancellationToken)
    {
        var results = new List<AIContent>();
        foreach (var call in calls)
        {
            var text = await RunToolAsync(call, cancellationToken);
            results.Add(new FunctionResultContent(call.CallId, fence.Wrap($"tool:{call.Name}", Capped(text))));
        }

        return results;
    }

    private async Task<string> RunToolAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var tool = tools.FirstOrDefault(t => t.Name == call.Name);
        if (tool is null)
        {
            return $"error: there is no tool '{call.Name}'; the tools are {string.Join(", ", tools.Select(t => t.Name))}";
        }

        try
        {
            var result = await tool.InvokeAsync(new AIFunctionArguments(call.Arguments), cancellationToken);
            return TranscriptRecorder.ResultText(result) ?? string.Empty;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"error: {call.Name} failed: {ex.Message}";
        }
    }

    private static string Capped(string text) => IO.TextCap.HeadTail(text, MaxToolResultChars);
}
