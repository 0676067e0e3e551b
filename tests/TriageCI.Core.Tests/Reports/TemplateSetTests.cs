using TriageCI.Core.Reports;
using TriageCI.Core.Reports.Markdown;

namespace TriageCI.Core.Tests.Reports;

public class TemplateSetTests
{
    [Fact]
    public void The_defaults_are_the_files_of_the_templates_folder()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Templates, "*.hbs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Templates, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, TemplateSet.DefaultNames);
        Assert.Contains(TemplateSet.Summary, TemplateSet.DefaultNames);
        Assert.All(TemplateSet.LoadDefaults().Origins.Values, o => Assert.StartsWith("built-in templates/", o, StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_copied_beside_the_binary()
    {
        foreach (var name in TemplateSet.DefaultNames)
        {
            var copy = Path.Combine(AppContext.BaseDirectory, "templates", name);
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Templates, name)), File.ReadAllText(copy));
        }
    }

    [Fact]
    public void A_user_folder_overrides_templates_and_partials_file_by_file()
    {
        using var user = new TempFolder();
        var partial = user.Write("partials/verdict.md.hbs", "* {{task_id}} is {{class_name}}{{> mine}}\n");
        user.Write("partials/mine.md.hbs", " (mine)");
        user.Write("README.txt", "not a template");

        var templates = TemplateSet.Load(user.Path);
        var summary = templates.RenderSummary(SampleReports.Realistic());

        Assert.Contains("* fix-permissions is Brittle tests (mine)\n", summary, StringComparison.Ordinal);
        Assert.Contains("### Agent errors", summary, StringComparison.Ordinal);
        Assert.Equal(partial, templates.Origins["partials/verdict.md.hbs"]);
        Assert.StartsWith("built-in", templates.Origins[TemplateSet.Summary], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_template_name_is_refused_with_the_known_names()
    {
        using var user = new TempFolder();
        var typo = user.Write("sumary.md.hbs", "x");

        var error = Assert.Throws<ReportFileException>(() => TemplateSet.Load(user.Path));

        Assert.Equal($"{typo}: unknown template 'sumary.md.hbs'; the templates are defect-issue.md.hbs, pr-comment.md.hbs, summary.md.hbs, and partials go in partials/", error.Message);
    }

    [Fact]
    public void A_template_that_does_not_compile_is_named_with_the_handlebars_problem()
    {
        using var user = new TempFolder();
        var broken = user.Write("summary.md.hbs", "{{#each verdicts}}\nno end\n");

        var error = Assert.Throws<ReportFileException>(() => TemplateSet.Load(user.Path));

        Assert.Equal(broken, error.Path);
        Assert.StartsWith($"{broken}: Handlebars: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("each", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_using_an_unknown_field_fails_at_render_with_the_field_named()
    {
        using var user = new TempFolder();
        var typo = user.Write("summary.md.hbs", "{{score.raw_precent}}\n");
        var templates = TemplateSet.Load(user.Path);

        var error = Assert.Throws<ReportFileException>(() => templates.RenderSummary(SampleReports.Realistic()));

        Assert.Equal(typo, error.Path);
        Assert.Contains("raw_precent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_partial_is_reported_against_the_template_using_it()
    {
        using var user = new TempFolder();
        var template = user.Write("summary.md.hbs", "{{> nowhere}}\n");

        var error = Assert.Throws<ReportFileException>(() => TemplateSet.Load(user.Path).RenderSummary(SampleReports.Realistic()));

        Assert.Equal(template, error.Path);
        Assert.Contains("'nowhere' could not be resolved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_user_folder_is_an_error()
    {
        var error = Assert.Throws<ReportFileException>(() => TemplateSet.Load("/nonexistent/templates"));

        Assert.Equal("/nonexistent/templates: template folder not found", error.Message);
    }

    [Fact]
    public async Task Exported_defaults_load_back_as_overrides_that_render_the_same()
    {
        using var temp = new TempFolder();
        var written = await TemplateSet.ExportDefaultsAsync(temp.Path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(TemplateSet.DefaultNames.Count, written.Count);
        var fromExport = TemplateSet.Load(temp.Path);
        Assert.All(fromExport.Origins.Values, o => Assert.StartsWith(temp.Path, o, StringComparison.Ordinal));
        Assert.Equal(TemplateSet.LoadDefaults().RenderSummary(SampleReports.Realistic()), fromExport.RenderSummary(SampleReports.Realistic()));
    }

    [Fact]
    public async Task Export_does_not_overwrite_unless_asked()
    {
        using var temp = new TempFolder();
        var mine = temp.Write(TemplateSet.Summary, "mine");

        var error = await Assert.ThrowsAsync<ReportFileException>(() => TemplateSet.ExportDefaultsAsync(temp.Path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(mine, error.Path);
        Assert.Equal("mine", File.ReadAllText(mine));

        await TemplateSet.ExportDefaultsAsync(temp.Path, overwrite: true, TestContext.Current.CancellationToken);
        Assert.NotEqual("mine", File.ReadAllText(mine));
    }

    [Fact]
    public void Windows_line_endings_in_a_user_template_do_not_reach_the_output()
    {
        using var user = new TempFolder();
        user.Write("summary.md.hbs", "## {{run.format}}\r\n\r\n{{score.raw_percent}}\r\n");

        var text = TemplateSet.Load(user.Path).RenderSummary(SampleReports.Realistic());

        Assert.Equal("## terminal-bench\n\n44.4%\n", text);
    }
}
