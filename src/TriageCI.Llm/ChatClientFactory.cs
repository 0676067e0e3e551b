using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using OpenAI;

namespace TriageCI.Llm;

/// <summary>
/// Builds the provider's <see cref="IChatClient"/>: the OpenAI SDK behind <see cref="OpenAIChatClient"/> for OpenAI,
/// Azure OpenAI, GitHub Models and OpenAI-compatible servers; the Anthropic SDK's own <see cref="IChatClient"/> for
/// Anthropic. Both SDKs send through an <see cref="EndpointHttpHandler"/> with their own retries off: retrying is the
/// retry decorator's job. The returned client owns its HTTP client.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>Longest a single HTTP exchange may take; budgets usually end a conversation sooner.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromMinutes(5);

    /// <param name="settings">The resolved provider.</param>
    /// <param name="transport">The innermost HTTP handler; tests pass one that reaches their loopback server. Owned by the client.</param>
    /// <param name="time">The clock for <c>Retry-After</c> dates.</param>
    public static IChatClient Create(ProviderSettings settings, HttpMessageHandler? transport = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var headers = settings.Kind == ProviderKind.AzureOpenAI && settings.ApiKey is { } azureKey
            ? new Dictionary<string, string> { ["api-key"] = azureKey }
            : null;
        var http = new HttpClient(new EndpointHttpHandler(transport ?? new SocketsHttpHandler(), settings.ProviderId, headers, time))
        {
            Timeout = NetworkTimeout,
        };

        if (settings.Kind == ProviderKind.Anthropic)
        {
            var anthropic = new AnthropicClient(new ClientOptions
            {
                ApiKey = settings.ApiKey,
                BaseUrl = settings.Endpoint.ToString().TrimEnd('/'),
                HttpClient = http,
                MaxRetries = 0,
                Timeout = NetworkTimeout,
            });
            return new OwningChatClient(anthropic.AsIChatClient(settings.Model), anthropic);
        }

        var options = new OpenAIClientOptions
        {
            Endpoint = settings.Endpoint,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = NetworkTimeout,
        };
        // A local server may need no key; the SDK wants one, and a server that checks none ignores it.
        var credential = new ApiKeyCredential(settings.ApiKey ?? "no-key");
        var chat = new OpenAI.Chat.ChatClient(settings.Model, credential, options);
        return new OwningChatClient(new OpenAIChatClient(chat, settings.ProviderId, settings.Endpoint, settings.Model), http);
    }

    /// <summary>Disposes what the SDK client was built on when the chat client is disposed.</summary>
    private sealed class OwningChatClient(IChatClient inner, IDisposable owned) : DelegatingChatClient(inner)
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                owned.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
