using TriageCI.Core.Runs;
using TriageCI.Testing.Llm;

namespace TriageCI.Llm.Tests.Judge;

/// <summary>No secret from the environment, nor anything shaped like a credential, reaches the model or the transcript.</summary>
public sealed class SecretRedactionTests : IDisposable
{
    private readonly string _variable = $"TRIAGECI_TEST_{Guid.NewGuid():N}_TOKEN";
    private readonly string _processSecret = "proc-secret-" + Guid.NewGuid().ToString("N");

    public SecretRedactionTests() => Environment.SetEnvironmentVariable(_variable, _processSecret);

    public void Dispose() => Environment.SetEnvironmentVariable(_variable, null);

    [Fact]
    public async Task Secrets_in_logs_trajectories_and_tool_results_are_redacted_on_the_wire_and_in_the_transcript()
    {
        const string githubToken = "ghp_R8xk2Lq9ZtY7vB3nM5cW1pD4fH6jK0sA2eG8";
        const string password = "correct-horse-battery-staple";
        const string apiKey = "sk-live-5f2b9c0e7d1a4b6f8e3c2d1a0b9c8d7e";
        const string awsKey = "AKIAIOSFODNN7EXAMPLE";
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = githubToken,
            ["DEPLOY_PASSWORD"] = password,
            ["HOME"] = "/home/runner",
        };
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment.TryAdd((string)entry.Key, (string)entry.Value!);
        }

        var leaky = $"export GITHUB_TOKEN={githubToken}\ncurl -H 'Authorization: Bearer {apiKey}' https://api\nDEPLOY_PASSWORD is {password}\n" +
            $"aws_access_key_id = {awsKey}\nprocess says {_processSecret}\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nE   assert 1 == 2\n";
        using var trial = new SyntheticTrial(leaky,
            [new TrajectoryStep { Index = 0, Role = StepRole.Agent, Action = "env", Observation = leaky, ExitCode = 0 }],
            instruction: "Deploy with token " + githubToken);
        using var transcripts = new TempFolder();
        await using var server = await LoopbackModelServer.StartAsync(request => OpenAIResponses.ToolResults(request) == 0
            ? ScriptedResponse.Json(OpenAIResponses.ToolCall("call_1", "grep", new { pattern = "token|password|key" }))
            : ScriptedResponse.Json(OpenAIResponses.Text("""{"class":"agent-error/logical-failure","confidence":0.7,"rationale":"The assertion fails.","evidence":[]}""")));
        var (judge, source) = JudgeHarness.Create(server, environment, apiKey, transcripts.Path);
        using var _ = source;

        await judge.JudgeAsync(trial.Run, trial.Evidence, trial.Context, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Requests.Count);
        var transcript = File.ReadAllText(Directory.GetFiles(transcripts.Path).Single());
        foreach (var secret in new[] { githubToken, password, apiKey, awsKey, _processSecret, "MIIEowIBAAKCAQEA" })
        {
            foreach (var request in server.Requests)
            {
                Assert.DoesNotContain(secret, request.Body, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(secret, transcript, StringComparison.Ordinal);
        }

        Assert.Contains("[REDACTED", server.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED", server.Requests[1].Body, StringComparison.Ordinal);
        // The key still authenticates: it travels in the header, never in a body.
        Assert.Equal($"Bearer {apiKey}", server.Requests[0].Header("Authorization"));
    }
}
