using Microsoft.Extensions.AI;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// A rough token count, about four characters a token for English and code, for budgets when an endpoint reports no
/// usage and for measuring prompts. Not a tokenizer: it errs by tens of percent, never by orders of magnitude.
/// </summary>
public static class TokenEstimate
{
    public const int CharactersPerToken = 4;

    public static long Of(string? text) => text is null ? 0 : (text.Length + CharactersPerToken - 1) / CharactersPerToken;

    public static long Of(IEnumerable<ChatMessage> messages, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        long total = Of(options?.Instructions);
        foreach (var message in messages)
        {
            total += 4;
            foreach (var content in message.Contents)
            {
                total += content switch
                {
                    TextContent text => Of(text.Text),
                    FunctionCallContent call => Of(call.Name) + Of(System.Text.Json.JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions)),
                    FunctionResultContent result => Of(result.Result?.ToString()),
                    _ => 0,
                };
            }
        }

        foreach (var tool in options?.Tools?.OfType<AIFunction>() ?? [])
        {
            total += Of(tool.Name) + Of(tool.Description) + Of(tool.JsonSchema.GetRawText());
        }

        return total;
    }
}
