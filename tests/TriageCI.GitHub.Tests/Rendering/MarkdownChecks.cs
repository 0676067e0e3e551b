using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TriageCI.GitHub.Tests.Rendering;

/// <summary>Parses rendered markdown as GitHub-flavoured markdown and checks that its structure is what TriageCI meant.</summary>
internal static partial class MarkdownChecks
{
    public static MarkdownPipeline Gfm { get; } = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseTaskLists().UseEmphasisExtras().Build();

    /// <summary>
    /// The markdown is whole: every code fence closed, every <c>&lt;details&gt;</c> closed, tables parse as tables, no
    /// HTML but TriageCI's own <c>details</c>/<c>summary</c>/comment marker, and no benchmark text became a mention,
    /// a heading, a link or an image.
    /// </summary>
    public static MarkdownDocument AssertWellFormed(string markdown)
    {
        var document = Markdown.Parse(markdown, Gfm);
        foreach (var fence in document.Descendants<FencedCodeBlock>())
        {
            Assert.True(fence.IsOpen == false && HasClosingFence(markdown, fence), $"code fence at line {fence.Line + 1} is not closed");
        }

        var html = document.Descendants<HtmlBlock>().Select(h => string.Join('\n', h.Lines.Lines.Take(h.Lines.Count).Select(l => l.ToString())).Trim()).ToList();
        Assert.All(html, text => Assert.Matches(AllowedHtml(), text));
        Assert.Equal(html.Sum(h => Regex.Count(h, "<details>")), html.Sum(h => Regex.Count(h, "</details>")));

        foreach (var inline in document.Descendants<HtmlInline>())
        {
            Assert.Fail($"inline HTML '{inline.Tag}' in the rendering");
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            Assert.StartsWith("https://", link.Url ?? string.Empty);
            Assert.False(link.IsImage, "an image in the rendering");
        }

        foreach (var literal in document.Descendants<LiteralInline>())
        {
            Assert.DoesNotMatch(Mention(), literal.Content.ToString());
        }

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = string.Concat(heading.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []);
            Assert.DoesNotContain("heading", text);
        }

        foreach (var table in document.Descendants<Table>())
        {
            var columns = ((TableRow)table[0]).Count;
            Assert.All(table.OfType<TableRow>(), row => Assert.Equal(columns, row.Count));
        }

        return document;
    }

    private static bool HasClosingFence(string markdown, FencedCodeBlock fence)
    {
        var lines = markdown.Split('\n');
        var closing = fence.Line + fence.Lines.Count + 1;
        return closing < lines.Length && lines[closing].Trim().StartsWith(new string(fence.FencedChar, fence.OpeningFencedCharCount), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(<details>|</details>|<summary>.*</summary>|<!-- triageci:[^>]* -->)(\s*(<details>|</details>|<summary>.*</summary>))*$", RegexOptions.Singleline)]
    private static partial Regex AllowedHtml();

    [GeneratedRegex(@"(^|[^\w`])@[A-Za-z0-9]")]
    private static partial Regex Mention();
}
