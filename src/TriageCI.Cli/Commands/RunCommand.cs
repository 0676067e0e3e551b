using System.CommandLine;
using Spectre.Console;
using TriageCI.Cli.Diagnostics;
using TriageCI.Cli.Judging;
using TriageCI.Cli.Terminal;
using TriageCI.Core.Diagnostics;
using TriageCI.Core.IO;
using TriageCI.Core.Pipeline;
using TriageCI.Core.Probes.Text;
using TriageCI.Core.Readers;
using TriageCI.Core.Reports;
using TriageCI.Core.Reports.Curation;
using TriageCI.Core.Reports.Json;
using TriageCI.Core.Reports.Markdown;
using TriageCI.GitHub.Actions;

namespace TriageCI.Cli.Commands;

/// <summary><c>triage run</c>: reads a benchmark run, triages every failed trial, writes the reports.</summary>
public static class RunCommand
{
    public const string DefaultOutputFolder = "triage-out";

    public static Command Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var results = new Argument<string>("results")
        {
            Description = "The benchmark output: a run or job folder, a folder of several, or a log file; or a triage-report.json to report again without triaging (the workflow_run recipe).",
        };
        var format = new Option<string>("--format")
        {
            Description = $"The harness output format: auto (detect), or one of {string.Join(", ", BuiltInReaders.Registry().Formats)}.",
            DefaultValueFactory = _ => "auto",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder the reports are written to.",
            DefaultValueFactory = _ => DefaultOutputFolder,
        };
        var templates = new Option<string?>("--templates")
        {
            Description = "A folder of Handlebars templates that override the defaults file by file (see 'triage templates export').",
        };
        var tasks = new Option<string?>("--tasks")
        {
            Description = "A folder of task definitions (solutions, tests, Dockerfiles) to join to the trials.",
        };
        var dataset = new Option<string?>("--dataset")
        {
            Description = "A dataset file (JSON Lines, e.g. SWE-bench rows) to join to the trials for problem statements and gold patches.",
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Failed trials triaged at once.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit 1 when failed trials reach a threshold: task-defect, infra, agent-error, any or none, optionally with a count (task-defect:3), comma-separated.",
        };
        var diagnostics = DiagnosticsOption.Create();
        failOn.Validators.Add(r =>
        {
            try
            {
                FailOnPolicy.Parse(r.GetValueOrDefault<string?>());
            }
            catch (FormatException ex)
            {
                r.AddError(ex.Message);
            }
        });
        concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--concurrency must be at least 1.");
            }
        });

        var judge = new JudgeOptions();
        var gitHub = new GitHubOptions();
        gitHub.AddValidators();

        var command = new Command("run", "Triage every failed trial of a benchmark run and write the reports; in GitHub Actions, also comment, file issues and write the step summary and outputs.")
        {
            results, format, output, templates, tasks, dataset, concurrency, failOn, diagnostics,
        };
        foreach (var option in judge.All.Concat(gitHub.All))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(
            new RunSettings(
                parse.GetRequiredValue(results),
                parse.GetValue(format),
                parse.GetRequiredValue(output),
                parse.GetValue(templates),
                parse.GetValue(tasks),
                parse.GetValue(dataset),
                parse.GetValue(concurrency),
                FailOnPolicy.Parse(parse.GetValue(failOn)),
                DiagnosticsOption.FormatOf(parse.GetValue(diagnostics)),
                judge.Read(parse),
                gitHub.Settings(parse, environment)),
            parse.InvocationConfiguration,
            new ActionsEnvironment(environment, parse.InvocationConfiguration.Output),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(RunSettings settings, InvocationConfiguration io, ActionsEnvironment actions, CancellationToken cancellationToken)
    {
        var console = Consoles.For(io.Output);
        var diagnostics = new RunDiagnostics(io, settings.Diagnostics);
        TemplateSet templateSet;
        try
        {
            templateSet = TemplateSet.Load(settings.Templates);
        }
        catch (ReportFileException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.InvalidOption, ex.Path, ex.Problem);
            return (int)ExitCode.InputError;
        }

        var republish = IsReport(settings.Results);
        string? curationPath = null;
        TriageReport report;
        if (republish)
        {
            try
            {
                report = await TriageReportJson.ReadFileAsync(settings.Results, cancellationToken);
            }
            catch (ReportFileException ex)
            {
                await diagnostics.ProblemAsync(DiagnosticCodes.InputNotFound, ex.Path, ex.Problem);
                return (int)ExitCode.InputError;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
            {
                await diagnostics.ProblemAsync(DiagnosticCodes.InputNotFound, settings.Results, ex.Message);
                return (int)ExitCode.InputError;
            }
        }
        else
        {
            if (actions.IsActions)
            {
                actions.Commands.Group($"TriageCI: triage {settings.Results}");
            }

            try
            {
                var (exit, triaged, curation) = await TriageAsync(settings, io, diagnostics, console, cancellationToken);
                if (triaged is null)
                {
                    return (int)exit;
                }

                report = triaged;
                curationPath = curation;
            }
            finally
            {
                if (actions.IsActions)
                {
                    actions.Commands.EndGroup();
                }
            }
        }

        ReportFiles files;
        string summary;
        try
        {
            files = await ReportWriter.WriteAsync(report, settings.Output, templateSet, cancellationToken);
            summary = await File.ReadAllTextAsync(files.Summary, cancellationToken);
            SummaryTable.Write(console, report);
            console.WriteLine();
            // A hyperlink (OSC 8) helps on a terminal only; a CI log would show its escape codes.
            var link = Consoles.IsTerminal(io.Output);
            foreach (var file in curationPath is null ? files.All : files.All.Prepend(curationPath))
            {
                var path = Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, file));
                console.MarkupLine(link ? $"wrote [link]{path}[/]" : $"wrote {path}");
            }
        }
        catch (ReportFileException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.OutputFailed, ex.Path, ex.Problem);
            return (int)ExitCode.OutputError;
        }
        catch (IOException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.OutputFailed, settings.Output, ex.Message);
            return (int)ExitCode.OutputError;
        }

        var publishFailed = false;
        if (actions.IsActions)
        {
            var paths = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["report-json"] = files.Json,
                ["summary-md"] = files.Summary,
                ["rerun-txt"] = files.Rerun,
                ["curation-jsonl"] = curationPath ?? Path.Combine(settings.Output, Core.Reports.Curation.CurationWriter.FileName),
            };
            var input = new GitHubReportInput(
                report, templateSet, summary, settings.Output, republish ? Path.GetDirectoryName(Path.GetFullPath(settings.Results))! : settings.Results,
                settings.FailOn, paths, settings.GitHub, republish ? Path.GetDirectoryName(Path.GetFullPath(settings.Results)) : null);
            var result = await new GitHubReporter(actions, GitHubReporter.DefaultClient).ReportAsync(input, cancellationToken);
            publishFailed = result.PublishFailed && settings.GitHub.FailOnPublishError;
        }

        await diagnostics.FindingsAsync(report, settings.Results, settings.FailOn.CrossedBy(report));
        var crossed = settings.FailOn.Crossed(report);
        foreach (var (threshold, actual) in crossed)
        {
            await diagnostics.ThresholdCrossedAsync($"--fail-on {FailOnName(threshold.Category)}:{threshold.Count} crossed: {actual} failed trials.");
        }

        if (crossed.Count > 0)
        {
            return (int)ExitCode.ThresholdCrossed;
        }

        if (publishFailed)
        {
            await io.Error.WriteLineAsync("Publishing to GitHub failed (--fail-on-publish-error); the reports were written.");
            return (int)ExitCode.PublishFailed;
        }

        return (int)ExitCode.Success;
    }

    /// <summary>A finished report given as the input is reported again instead of triaged (the fork pull-request recipe).</summary>
    private static bool IsReport(string results) =>
        File.Exists(results) && string.Equals(Path.GetFileName(results), TriageReportJson.FileName, StringComparison.Ordinal);

    private static async Task<(ExitCode Exit, TriageReport? Report, string? CurationPath)> TriageAsync(
        RunSettings settings, InvocationConfiguration io, RunDiagnostics diagnostics, IAnsiConsole console, CancellationToken cancellationToken)
    {
        IBenchmarkReader reader;
        try
        {
            reader = BuiltInReaders.Registry().Resolve(settings.Results, settings.Format);
        }
        catch (BenchmarkReadException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.InputNotFound, ex.Path, ex.Problem);
            return (ExitCode.InputError, null, null);
        }

        JudgeSetup judge;
        try
        {
            judge = JudgeFactory.Create(settings.Judge, settings.Output, Environment.GetEnvironmentVariables());
        }
        catch (JudgeConfigurationException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.InvalidOption, null, ex.Message);
            return (ExitCode.UsageError, null, null);
        }

        using var judgeLifetime = judge;

        CurationWriter curation;
        try
        {
            curation = CurationWriter.Create(settings.Output);
        }
        catch (ReportFileException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.OutputFailed, ex.Path, ex.Problem);
            return (ExitCode.OutputError, null, null);
        }

        await using (curation)
        {
            var pipeline = new TriagePipeline(TextProbes.All, judge.Judge, new TriageOptions
            {
                Concurrency = settings.Concurrency,
                JudgeDescription = judge.Description,
            });
            var readerOptions = new ReaderOptions { TasksPath = settings.Tasks, DatasetPath = settings.Dataset };
            try
            {
                var report = await WithProgressAsync(console, observer => pipeline.RunAsync(
                    reader, settings.Results, readerOptions, new CompositeObserver(observer, new CurationObserver(curation)), cancellationToken));
                await curation.CompleteAsync(cancellationToken);
                return (ExitCode.Success, report, curation.Path);
            }
            catch (OperationCanceledException)
            {
                await io.Error.WriteLineAsync($"Cancelled; the trials finished so far are in {curation.PartialPath}.");
                return (ExitCode.Cancelled, null, null);
            }
            catch (BenchmarkReadException ex)
            {
                await diagnostics.ProblemAsync(DiagnosticCodes.InputNotFound, ex.Path, ex.Problem);
                return (ExitCode.InputError, null, null);
            }
            catch (ReportFileException ex)
            {
                await diagnostics.ProblemAsync(DiagnosticCodes.OutputFailed, ex.Path, ex.Problem);
                return (ExitCode.OutputError, null, null);
            }
        }
    }

    private static string FailOnName(FailOnCategory category) => category switch
    {
        FailOnCategory.TaskDefect => "task-defect",
        FailOnCategory.Infra => "infra",
        FailOnCategory.AgentError => "agent-error",
        _ => "any",
    };

    /// <summary>A live status line on a terminal; elsewhere the observer prints a plain line every so often.</summary>
    private static async Task<TriageReport> WithProgressAsync(IAnsiConsole console, Func<ITriageObserver, Task<TriageReport>> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await run(new ProgressObserver(console));
        }

        return await console.Status().StartAsync("Reading trials…", async context =>
            await run(new ProgressObserver(console, status => context.Status(Markup.Escape(status)))));
    }

    private sealed record RunSettings(
        string Results, string? Format, string Output, string? Templates, string? Tasks, string? Dataset, int Concurrency,
        FailOnPolicy FailOn, DiagnosticsFormat Diagnostics, JudgeRequest Judge, GitHubSettings GitHub);
}
