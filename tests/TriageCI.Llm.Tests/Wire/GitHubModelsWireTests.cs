using TriageCI.Llm.Tests.Judge;
using TriageCI.Testing.Llm;

namespace TriageCI.Llm.Tests.Wire;

/// <summary>GitHub Models through the OpenAI SDK: the workflow's token as a bearer token, chat completions under the inference path.</summary>
public class GitHubModelsWireTests
{
    [Fact]
    public async Task The_workflow_token_goes_as_a_bearer_token_to_the_inference_chat_completions_endpoint()
    {
        await using var server = await LoopbackModelServer.StartAsync(LoopbackModelServer.Queue(ScriptedResponse.Json(OpenAIResponses.Text("done"))));
        var settings = ProviderResolver.Resolve(new ProviderRequest { Provider = "github-models", BaseUrl = new Uri(server.BaseUrl, "inference").ToString() },
            new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_TOKEN"] = "ghs_workflowToken0123456789", ["TRIAGE_LLM_MODEL"] = "openai/gpt-4.1" });
        using var client = ChatClientFactory.Create(settings);

        var response = await client.GetResponseAsync(Conversation.Messages(), null, TestContext.Current.CancellationToken);

        Assert.Equal("done", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/inference/chat/completions", request.Path);
        Assert.Equal("Bearer ghs_workflowToken0123456789", request.Header("Authorization"));
        Assert.Equal("openai/gpt-4.1", request.Json["model"]!.GetValue<string>());
    }
}
