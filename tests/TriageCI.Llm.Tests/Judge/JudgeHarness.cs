using System.Collections;
using TriageCI.Core.Judges.Agent;
using TriageCI.Core.Judges.Agent.Budgets;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Core.Judges.Agent.Tools;
using TriageCI.Core.Judges.Agent.Transcripts;
using TriageCI.Testing.Llm;

namespace TriageCI.Llm.Tests.Judge;

/// <summary>The agent judge as the CLI builds it, over the real OpenAI SDK, pointed at a loopback server.</summary>
internal static class JudgeHarness
{
    public static (AgentJudge Judge, ModelChatSource Source) Create(LoopbackModelServer server, IDictionary environment, string apiKey, string? transcripts = null, BudgetLimits? task = null)
    {
        var settings = new ProviderSettings(ProviderKind.OpenAICompatible, "judge-model-1", new Uri(server.BaseUrl, "v1/"), apiKey, "test");
        var source = new ModelChatSource(ChatClientFactory.Create(settings), settings.Model,
            SecretRedactor.FromEnvironment(environment, [apiKey]), time: new Testing.ManualTimeProvider { AutoAdvance = true });
        var judge = new AgentJudge(source, [new ArtifactToolProvider()], new RunBudget(BudgetLimits.None), new AgentJudgeOptions
        {
            TaskBudget = task ?? BudgetLimits.TaskDefault,
            Transcripts = transcripts is null ? null : new TranscriptStore(transcripts),
        });
        return (judge, source);
    }
}
