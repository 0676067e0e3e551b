using TriageCI.Core.Judges.Agent.Budgets;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Testing;
using TriageCI.Testing.Llm;

namespace TriageCI.Llm.Tests.Wire;

/// <summary>A model that does not answer: the real SDK clients give up when the conversation's time budget runs out.</summary>
public class SlowResponseWireTests
{
    public static TheoryData<string> Providers => ["openai", "anthropic"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_response_that_outlives_the_time_budget_is_abandoned_as_budget_exhausted(string provider)
    {
        var arrived = new TaskCompletionSource();
        var never = new TaskCompletionSource();
        await using var server = await LoopbackModelServer.StartAsync(_ =>
        {
            arrived.TrySetResult();
            return new ScriptedResponse(200, "{}", Hold: never.Task);
        });
        using var inner = provider == "openai" ? Clients.OpenAI(server, "sk-test") : Clients.Anthropic(server, "sk-ant-test");
        var time = new ManualTimeProvider();
        using var client = new BudgetChatClient(inner, new BudgetMeter(new BudgetLimits { WallTime = TimeSpan.FromSeconds(60) }, new RunBudget(BudgetLimits.None), time: time));

        var call = client.GetResponseAsync(Conversation.Messages(), Conversation.Options(), TestContext.Current.CancellationToken);
        await arrived.Task.WaitAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(61));
        var failure = await Assert.ThrowsAsync<BudgetExhaustedException>(() => call);

        Assert.Contains("time budget", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }
}
