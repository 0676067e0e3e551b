using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TriageCI.Core.Judges.Agent.Budgets;
using TriageCI.Core.Judges.Agent.Chat;
using TriageCI.Testing.Llm;

namespace TriageCI.Core.Tests.AgentJudge;

public class DecoratorTests
{
    private static readonly List<ChatMessage> Hello = [new(ChatRole.User, "hello")];

    [Fact]
    public async Task The_budget_decorator_records_usage_caps_output_and_refuses_once_spent()
    {
        var inner = new TestChatClient { GetResponseAsyncCallback = TestChatClient.Answers(TestChatClient.Text("a", 700, 50), TestChatClient.Text("b", 400, 50)) };
        var meter = new BudgetMeter(new BudgetLimits { InputTokens = 1_000, OutputTokens = 2_000 }, new RunBudget(BudgetLimits.None));
        using var client = new BudgetChatClient(inner, meter);

        await client.GetResponseAsync(Hello, new ChatOptions { MaxOutputTokens = 4_096 }, TestContext.Current.CancellationToken);
        await client.GetResponseAsync(Hello, null, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<BudgetExhaustedException>(() => client.GetResponseAsync(Hello, null, TestContext.Current.CancellationToken));

        Assert.Equal((2, 1_100L, 100L), (meter.Turns, meter.InputTokens, meter.OutputTokens));
        Assert.Equal(2_000, inner.Requests[0].Options!.MaxOutputTokens);
        Assert.Equal(1_950, inner.Requests[1].Options!.MaxOutputTokens);
        Assert.Contains("input-token budget", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, inner.Requests.Count);
    }

    [Fact]
    public async Task The_budget_decorator_estimates_usage_an_endpoint_does_not_report()
    {
        var inner = new TestChatClient { GetResponseAsyncCallback = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, new string('x', 400)))) };
        var meter = new BudgetMeter(BudgetLimits.None, new RunBudget(BudgetLimits.None));
        using var client = new BudgetChatClient(inner, meter);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, new string('y', 4_000))], null, TestContext.Current.CancellationToken);

        Assert.InRange(meter.InputTokens, 1_000, 1_010);
        Assert.Equal(100, meter.OutputTokens);
    }

    [Fact]
    public async Task A_call_that_outlives_the_time_budget_is_cancelled_on_the_budget_s_clock()
    {
        var time = new ManualTimeProvider();
        var started = new TaskCompletionSource();
        var inner = new TestChatClient
        {
            GetResponseAsyncCallback = async (_, _, token) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            },
        };
        var meter = new BudgetMeter(new BudgetLimits { WallTime = TimeSpan.FromSeconds(30) }, new RunBudget(BudgetLimits.None), time: time);
        using var client = new BudgetChatClient(inner, meter);

        var call = client.GetResponseAsync(Hello, null, TestContext.Current.CancellationToken);
        await started.Task;
        time.Advance(TimeSpan.FromSeconds(31));
        var failure = await Assert.ThrowsAsync<BudgetExhaustedException>(() => call);

        Assert.Contains("time budget", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_retry_decorator_waits_as_asked_and_gives_up_after_its_retries()
    {
        var calls = 0;
        var inner = new TestChatClient
        {
            GetResponseAsyncCallback = (_, _, _) => ++calls < 10
                ? throw new ModelEndpointException(503, TimeSpan.FromSeconds(3), "busy")
                : Task.FromResult(TestChatClient.Text("ok")),
        };
        var time = new ManualTimeProvider { AutoAdvance = true };
        using var client = new RetryChatClient(inner, new RetryOptions { MaxRetries = 2 }, time);

        await Assert.ThrowsAsync<ModelEndpointException>(() => client.GetResponseAsync(Hello, null, TestContext.Current.CancellationToken));

        Assert.Equal(3, calls);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], time.Waits);
    }

    [Fact]
    public async Task The_retry_decorator_leaves_other_errors_alone()
    {
        var calls = 0;
        var inner = new TestChatClient { GetResponseAsyncCallback = (_, _, _) => { calls++; throw new ModelEndpointException(401, null, "unauthorized"); } };
        using var client = new RetryChatClient(inner, time: new ManualTimeProvider { AutoAdvance = true });

        await Assert.ThrowsAsync<ModelEndpointException>(() => client.GetResponseAsync(Hello, null, TestContext.Current.CancellationToken));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task The_redaction_decorator_cleans_texts_tool_arguments_and_results()
    {
        var inner = new TestChatClient { GetResponseAsyncCallback = TestChatClient.Answers(TestChatClient.Text("ok")) };
        using var client = new RedactingChatClient(inner, new SecretRedactor(["hunter2hunter2"]));

        await client.GetResponseAsync(
        [
            new ChatMessage(ChatRole.User, "pw hunter2hunter2 and ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
            new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "grep", new Dictionary<string, object?> { ["pattern"] = "hunter2hunter2" })]),
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "password=hunter2hunter2")]),
        ], null, TestContext.Current.CancellationToken);

        var sent = string.Join("\n", inner.Requests[0].Messages.SelectMany(m => m.Contents).Select(c => c switch
        {
            TextContent t => t.Text,
            FunctionCallContent f => string.Join(",", f.Arguments!.Values),
            FunctionResultContent r => r.Result?.ToString(),
            _ => string.Empty,
        }));
        Assert.DoesNotContain("hunter2", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", sent, StringComparison.Ordinal);
        Assert.Equal(4, sent.Split("[REDACTED", StringSplitOptions.None).Length - 1);
    }

    [Theory]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnop")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE here", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz")]
    [InlineData("t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAA")]
    [InlineData("xoxb-123456789012-abcdefghijkl", "xoxb-1234")]
    [InlineData("db_password: \"s3cr3t-p4ss\"", "s3cr3t-p4ss")]
    public void Common_secret_shapes_are_redacted(string text, string secret)
    {
        var redacted = SecretRedactor.ShapesOnly.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains("[REDACTED", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_log_text_is_left_alone()
    {
        const string text = "E   AssertionError: assert 'Total: 42' == 'total: 42'\nFAILED tests/test_report.py::test_total - 1 failed in 0.2s";

        Assert.Equal(text, SecretRedactor.ShapesOnly.Redact(text));
    }

    [Fact]
    public void Secret_looking_environment_variables_are_redacted_by_value_and_others_are_not()
    {
        var redactor = SecretRedactor.FromEnvironment(new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = "gho_thisisatoken123",
            ["MY_SERVICE_PASSWORD"] = "opensesame99",
            ["HOME"] = "/home/runner/work",
            ["SHORT_TOKEN"] = "abc",
        });

        var redacted = redactor.Redact("gho_thisisatoken123 opensesame99 /home/runner/work abc");

        Assert.Equal("[REDACTED:env] [REDACTED:env] /home/runner/work abc", redacted);
    }

    [Fact]
    public async Task The_logging_decorator_writes_bodies_only_at_trace_level()
    {
        var inner = new TestChatClient { GetResponseAsyncCallback = TestChatClient.Answers(TestChatClient.Text("the answer body"), TestChatClient.Text("the answer body")) };
        var debug = new ListLogger(LogLevel.Debug);
        var trace = new ListLogger(LogLevel.Trace);

        using (var client = new LoggingChatClient(inner, debug))
        {
            await client.GetResponseAsync([new ChatMessage(ChatRole.User, "the prompt body")], null, TestContext.Current.CancellationToken);
        }

        using (var client = new LoggingChatClient(inner, trace))
        {
            await client.GetResponseAsync([new ChatMessage(ChatRole.User, "the prompt body")], null, TestContext.Current.CancellationToken);
        }

        Assert.NotEmpty(debug.Lines);
        Assert.DoesNotContain(debug.Lines, l => l.Contains("prompt body", StringComparison.Ordinal) || l.Contains("answer body", StringComparison.Ordinal));
        Assert.Contains(trace.Lines, l => l.Contains("prompt body", StringComparison.Ordinal));
        Assert.Contains(trace.Lines, l => l.Contains("answer body", StringComparison.Ordinal));
    }

    private sealed class ListLogger(LogLevel minimum) : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Lines.Add($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}
