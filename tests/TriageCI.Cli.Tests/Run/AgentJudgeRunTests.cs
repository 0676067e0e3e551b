using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TriageCI.Testing.Llm;

namespace TriageCI.Cli.Tests.Run;

/// <summary>
/// <c>triage run</c> on the sample run with the agent judge, over the real OpenAI SDK, against a loopback server that
/// plays the model: each conversation lists the trial's files, then answers with the class the sample stands for.
/// </summary>
public partial class AgentJudgeRunTests
{
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["word-frequency__Lg1cF41"] = "agent-error/logical-failure",
        ["json-merge__Tc0ErrA"] = "agent-error/tool-call-error",
        ["numpy-stats__Kn0wGap"] = "agent-error/knowledge-gap",
        ["log-rotate__Stop3rr"] = "agent-error/premature-stop",
        ["build-cache__T1meout"] = "agent-error/timeout",
        ["api-client__Infra0k"] = "infrastructure/infra-failure",
        ["report-format__Br1ttle"] = "task-defect/brittle-tests",
        ["summary-output__Amb1gus"] = "task-defect/ambiguous-spec",
        ["sql-migrate__EnvFa1l"] = "task-defect/environment-failure",
        ["secret-decoder__Leak3d1"] = "task-defect/solution-leakage",
        ["pdf-extract__NoR3ward"] = "undetermined",
    };

    /// <summary>The model: a tool call first, then the expected class; the confirmation of the ambiguous spec disagrees.</summary>
    private static ScriptedResponse Play(RecordedRequest request)
    {
        var messages = request.Json["messages"]!.AsArray();
        var user = messages[1]!["content"]!.GetValue<string>();
        var trial = TrialLine().Match(user).Groups[1].Value;
        if (!messages.Any(m => m!["role"]!.GetValue<string>() == "tool"))
        {
            return ScriptedResponse.Json(Completion(new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = "call_" + trial,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = "list_files", ["arguments"] = "{}" },
                }),
            }, "tool_calls"));
        }

        var confirmation = request.Json["temperature"]!.GetValue<double>() > 0;
        var classId = confirmation && trial == "summary-output__Amb1gus" ? "agent-error/logical-failure" : Expected[trial];
        var answer = new JsonObject
        {
            ["class"] = classId,
            ["confidence"] = classId == "undetermined" ? 0.3 : 0.8,
            ["rationale"] = $"The evidence of {trial} points to {classId}.",
            ["evidence"] = new JsonArray(),
        };
        return ScriptedResponse.Json(Completion(new JsonObject { ["role"] = "assistant", ["content"] = answer.ToJsonString() }, "stop"));
    }

    private static string Completion(JsonObject message, string finish) => new JsonObject
    {
        ["id"] = "chatcmpl-e2e",
        ["object"] = "chat.completion",
        ["created"] = 1741569952,
        ["model"] = "judge-model-1",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1000, ["completion_tokens"] = 50, ["total_tokens"] = 1050 },
    }.ToJsonString();

    [Fact]
    public async Task The_agent_judge_triages_the_sample_run_and_a_replay_of_its_transcripts_agrees_without_a_model()
    {
        await using var server = await LoopbackModelServer.StartAsync(Play);
        using var output = new TempFolder();
        var live = Path.Combine(output.Path, "live");
        var replayed = Path.Combine(output.Path, "replayed");

        var (exit, _, error) = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--out", live,
            "--provider", "openai-compatible", "--model", "judge-model-1", "--base-url", new Uri(server.BaseUrl, "v1/").ToString());

        Assert.Equal(string.Empty, error);
        Assert.Equal((int)ExitCode.Success, exit);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(live, "triage-report.json"), TestContext.Current.CancellationToken));
        var verdicts = report.RootElement.GetProperty("verdicts").EnumerateArray().ToList();
        Assert.Equal(11, verdicts.Count);
        foreach (var verdict in verdicts)
        {
            var trial = verdict.GetProperty("trial_id").GetString()!;
            var judge = verdict.GetProperty("judge");
            Assert.Equal("agent", judge.GetProperty("kind").GetString());
            Assert.Equal("judge-model-1", judge.GetProperty("model").GetString());
            Assert.Equal(trial == "summary-output__Amb1gus" ? "undetermined" : Expected[trial], verdict.GetProperty("class_id").GetString());
        }

        var ambiguous = verdicts.Single(v => v.GetProperty("trial_id").GetString() == "summary-output__Amb1gus");
        Assert.Equal("ambiguous-spec", ambiguous.GetProperty("leaning").GetString());
        Assert.Contains("Not confirmed", ambiguous.GetProperty("rationale").GetString(), StringComparison.Ordinal);
        // 11 conversations of two calls, plus a confirmation conversation for each of the 4 task defects.
        Assert.Equal(30, server.Requests.Count);
        var cost = report.RootElement.GetProperty("cost");
        Assert.Equal(30, cost.GetProperty("judge_turns").GetInt32());
        Assert.Equal(30_000, cost.GetProperty("input_tokens").GetInt64());
        Assert.StartsWith("agent: openai-compatible judge-model-1 at http://127.0.0.1:", report.RootElement.GetProperty("judge").GetString(), StringComparison.Ordinal);
        var transcripts = Directory.GetFiles(Path.Combine(live, "transcripts"), "*.json");
        Assert.Equal(11, transcripts.Length);

        var (replayExit, _, replayError) = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--out", replayed, "--replay", Path.Combine(live, "transcripts"));

        Assert.Equal(string.Empty, replayError);
        Assert.Equal((int)ExitCode.Success, replayExit);
        Assert.Equal(30, server.Requests.Count);
        using var again = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(replayed, "triage-report.json"), TestContext.Current.CancellationToken));
        var replayedVerdicts = again.RootElement.GetProperty("verdicts").EnumerateArray().ToList();
        Assert.Equal(verdicts.Select(v => (v.GetProperty("trial_id").GetString(), v.GetProperty("class_id").GetString(), v.GetProperty("rationale").GetString())),
            replayedVerdicts.Select(v => (v.GetProperty("trial_id").GetString(), v.GetProperty("class_id").GetString(), v.GetProperty("rationale").GetString())));
        Assert.All(replayedVerdicts, v => Assert.Equal("replay", v.GetProperty("judge").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task There_is_no_command_line_option_for_a_key()
    {
        var (exit, _, error) = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--model", "m", "--api-key", "sk-should-not-be-here");

        Assert.Equal((int)ExitCode.UsageError, exit);
        Assert.Contains("--api-key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_judge_without_a_model_says_what_to_set()
    {
        using var output = new TempFolder();

        var (exit, _, error) = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--out", output.Path, "--judge", "agent", "--provider", "openai-compatible", "--base-url", "http://127.0.0.1:9/v1");

        Assert.Equal((int)ExitCode.UsageError, exit);
        Assert.Equal("no model: pass --model or set TRIAGE_LLM_MODEL", error.Trim());
    }

    [Fact]
    public async Task A_cost_budget_without_a_price_is_refused_rather_than_ignored()
    {
        using var output = new TempFolder();

        var (exit, _, error) = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--out", output.Path, "--model", "m",
            "--provider", "openai-compatible", "--base-url", "http://127.0.0.1:9/v1", "--task-budget", "cost=0.10");

        Assert.Equal((int)ExitCode.UsageError, exit);
        Assert.Contains("a cost budget needs the price of 'm'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_model_the_rules_judge_decides()
    {
        using var output = new TempFolder();

        var (exit, _, _) = await CliRunner.RunAsync("run", RepositoryPaths.SampleRun, "--out", output.Path);

        Assert.Equal((int)ExitCode.Success, exit);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "triage-report.json"), TestContext.Current.CancellationToken));
        Assert.All(report.RootElement.GetProperty("verdicts").EnumerateArray(), v => Assert.Equal("rules", v.GetProperty("judge").GetProperty("kind").GetString()));
        Assert.False(Directory.Exists(Path.Combine(output.Path, "transcripts")));
    }

    [GeneratedRegex(@"trial: (\S+)")]
    private static partial Regex TrialLine();
}
