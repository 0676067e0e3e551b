using TriageCI.Core.Judges.Agent.Budgets;

namespace TriageCI.Core.Tests.AgentJudge;

public class BudgetTests
{
    [Fact]
    public void Limits_parse_over_their_defaults_and_print_back()
    {
        var limits = BudgetLimits.Parse("turns=5, cost=0.25,seconds=90", BudgetLimits.TaskDefault);

        Assert.Equal(5, limits.Turns);
        Assert.Equal(0.25m, limits.CostUsd);
        Assert.Equal(TimeSpan.FromSeconds(90), limits.WallTime);
        Assert.Equal(BudgetLimits.TaskDefault.InputTokens, limits.InputTokens);
        Assert.Equal(limits, BudgetLimits.Parse(limits.ToString(), BudgetLimits.None));
        Assert.Equal("none", BudgetLimits.None.ToString());
    }

    [Theory]
    [InlineData("turns", "not key=value")]
    [InlineData("tokens=5", "unknown budget 'tokens'")]
    [InlineData("turns=-1", "positive number")]
    [InlineData("cost=abc", "positive number")]
    public void Bad_limits_are_refused_with_the_reason(string text, string reason)
    {
        var failure = Assert.Throws<FormatException>(() => BudgetLimits.Parse(text, BudgetLimits.None));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_table_prices_a_model_by_name_or_longest_prefix()
    {
        using var folder = new TempFolder();
        var path = folder.Write("prices.json", """{"gpt-4o": {"input_per_million": 2.5, "output_per_million": 10}, "gpt-4o-mini": {"input_per_million": 0.15, "output_per_million": 0.6}}""");

        var table = PriceTable.Load(path);

        Assert.Equal(2.5m, table.PriceOf("gpt-4o-2024-08-06")!.InputPerMillion);
        Assert.Equal(0.15m, table.PriceOf("GPT-4o-mini")!.InputPerMillion);
        Assert.Null(table.PriceOf("claude-sonnet-4-5"));
        Assert.Equal(0.0125m, table.PriceOf("gpt-4o")!.CostOf(1_000, 1_000));
    }

    [Fact]
    public void A_bad_price_table_names_the_file_and_the_entry()
    {
        using var folder = new TempFolder();
        var path = folder.Write("prices.json", """{"gpt-4o": {"input_per_million": "cheap"}}""");

        var failure = Assert.Throws<FormatException>(() => PriceTable.Load(path));

        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.Contains("'gpt-4o'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meter_stops_at_its_task_limits_and_at_the_run_s()
    {
        var run = new RunBudget(new BudgetLimits { InputTokens = 1_000 });
        var meter = new BudgetMeter(new BudgetLimits { Turns = 3 }, run);

        meter.Record(400, 10);
        Assert.Null(meter.ExhaustedReason());
        var other = new BudgetMeter(BudgetLimits.None, run);
        other.Record(600, 10);

        Assert.Contains("run input-token budget", meter.ExhaustedReason(), StringComparison.Ordinal);
        Assert.Throws<BudgetExhaustedException>(meter.EnsureCanCall);
    }

    [Fact]
    public void Cost_is_counted_only_with_a_price_and_its_limit_bites()
    {
        var meter = new BudgetMeter(new BudgetLimits { CostUsd = 0.01m }, new RunBudget(BudgetLimits.None), new ModelPrice(2.5m, 10m));

        meter.Record(2_000, 500);

        Assert.Equal(0.01m, meter.CostUsd);
        Assert.Contains("cost budget", meter.ExhaustedReason(), StringComparison.Ordinal);
        Assert.Null(new BudgetMeter(BudgetLimits.None, new RunBudget(BudgetLimits.None)).CostUsd);
    }

    [Fact]
    public void The_meter_asks_to_conclude_while_a_final_answer_still_fits()
    {
        var meter = new BudgetMeter(new BudgetLimits { Turns = 4, InputTokens = 100_000 }, new RunBudget(BudgetLimits.None));

        Assert.False(meter.ShouldConclude(10_000));
        Assert.True(meter.ShouldConclude(60_000));
        meter.Record(10, 10);
        meter.Record(10, 10);
        Assert.False(meter.ShouldConclude(10));
        meter.Record(10, 10);
        Assert.True(meter.ShouldConclude(10));
    }

    [Fact]
    public void Output_caps_shrink_to_what_is_left()
    {
        var meter = new BudgetMeter(new BudgetLimits { OutputTokens = 5_000 }, new RunBudget(BudgetLimits.None));

        Assert.Equal(4_096, meter.OutputTokenCap(4_096));
        meter.Record(0, 4_000);
        Assert.Equal(1_000, meter.OutputTokenCap(4_096));
        Assert.Null(new BudgetMeter(BudgetLimits.None, new RunBudget(BudgetLimits.None)).OutputTokenCap(null));
    }
}
