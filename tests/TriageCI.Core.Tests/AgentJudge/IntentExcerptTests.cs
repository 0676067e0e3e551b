using TriageCI.Core.Judges.Agent.Prompting;

namespace TriageCI.Core.Tests.AgentJudge;

public class IntentExcerptTests
{
    private static string Log(int lines, params (int Line, string Text)[] special)
    {
        var map = special.ToDictionary(s => s.Line, s => s.Text);
        return string.Join('\n', Enumerable.Range(1, lines).Select(n => map.TryGetValue(n, out var t) ? t : $"progress line {n} all fine"));
    }

    [Fact]
    public void A_short_text_is_kept_whole_with_line_numbers()
    {
        var excerpt = IntentExcerpt.FromText("a\nb\nc", [], new ExcerptOptions());

        Assert.False(excerpt.Truncated);
        Assert.Equal("1: a\n2: b\n3: c\n", excerpt.Text);
    }

    [Fact]
    public void A_long_log_keeps_errors_with_context_the_tail_and_the_head_and_marks_the_gaps()
    {
        var text = Log(5_000, (2_500, "E   AssertionError: expected 42, got 41"));

        var excerpt = IntentExcerpt.FromText(text, [], new ExcerptOptions { MaxChars = 4_000 });

        Assert.True(excerpt.Truncated);
        Assert.Contains(2_500, excerpt.KeptLines);
        Assert.Contains(2_497, excerpt.KeptLines);
        Assert.Contains(2_503, excerpt.KeptLines);
        Assert.Contains(5_000, excerpt.KeptLines);
        Assert.Contains(1, excerpt.KeptLines);
        Assert.Contains("2500: E   AssertionError: expected 42, got 41", excerpt.Text, StringComparison.Ordinal);
        Assert.Contains("lines omitted", excerpt.Text, StringComparison.Ordinal);
        Assert.True(excerpt.Text.Length <= 4_000 + 200);
    }

    [Fact]
    public void Lines_probes_pointed_at_are_kept_even_when_nothing_marks_them_as_errors()
    {
        var text = Log(10_000, (4_321, "Could not resolve host: pypi.org"));

        var excerpt = IntentExcerpt.FromText(text, [4_321], new ExcerptOptions { MaxChars = 2_000 });

        Assert.Contains(4_321, excerpt.KeptLines);
        Assert.Contains("4321: Could not resolve host", excerpt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_budget_is_tight_pinned_lines_win_over_errors_and_errors_over_the_head()
    {
        var special = Enumerable.Range(0, 40).Select(i => (100 + i * 100, $"Error number {i}: something failed")).ToArray();
        var text = Log(6_000, [.. special, (3_333, "the decisive line")]);

        var excerpt = IntentExcerpt.FromText(text, [3_333], new ExcerptOptions { MaxChars = 900 });

        Assert.Contains(3_333, excerpt.KeptLines);
        Assert.Contains(6_000, excerpt.KeptLines);
        Assert.DoesNotContain(1, excerpt.KeptLines);
    }

    [Fact]
    public async Task A_file_is_streamed_with_the_same_result_as_its_text()
    {
        using var folder = new TempFolder();
        var text = Log(3_000, (1_000, "Traceback (most recent call last):"), (1_001, "ValueError: bad"));
        var path = folder.Write("log.txt", text);

        var fromFile = await IntentExcerpt.FromFileAsync(path, [], new ExcerptOptions(), TestContext.Current.CancellationToken);

        Assert.Equal(IntentExcerpt.FromText(text, [], new ExcerptOptions()).Text, fromFile.Text);
        Assert.Equal(3_000, fromFile.TotalLines);
    }

    [Fact]
    public void Many_errors_keep_the_first_and_the_last_ones()
    {
        var special = Enumerable.Range(0, 200).Select(i => (10 + i * 20, $"ERROR failure {i}")).ToArray();
        var text = Log(4_100, special);

        var excerpt = IntentExcerpt.FromText(text, [], new ExcerptOptions { MaxChars = 3_000, MaxWindows = 8 });

        Assert.Contains(10, excerpt.KeptLines);
        Assert.Contains(10 + 199 * 20, excerpt.KeptLines);
        Assert.DoesNotContain(10 + 100 * 20, excerpt.KeptLines);
    }
}
