using Microsoft.Extensions.AI;
using TriageCI.Testing.Llm;

namespace TriageCI.Llm.Tests.Wire;

/// <summary>Real provider clients pointed at a loopback server.</summary>
internal static class Clients
{
    public static IChatClient OpenAI(LoopbackModelServer server, string? key, string model = "gpt-4o") =>
        ChatClientFactory.Create(new ProviderSettings(ProviderKind.OpenAICompatible, model, new Uri(server.BaseUrl, "v1/"), key, "test"));

    public static IChatClient Anthropic(LoopbackModelServer server, string key, string model = "claude-sonnet-4-5") =>
        ChatClientFactory.Create(new ProviderSettings(ProviderKind.Anthropic, model, server.BaseUrl, key, "test"));
}
