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
using TriageCI.Core.Reports.Markdown;

namespace TriageCI.Cli.Commands;

/// <summary><c>triage run</c>: reads a benchmark run, triages every failed trial, writes the reports.</summary>
public static class RunCommand
{
    public const string DefaultOutputFolder = "triage-out";

    public static Command Create()
    {
        var results = new Argument<string>("results")
        {
            Description = "The benchmark output: a run or job folder, a folder of several, or a log file.",
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
        var command = new Command("run", "Triage every failed trial of a benchmark run and write the reports.")
        {
            results, format, output, templates, tasks, dataset, concurrency, failOn, diagnostics,
        };
        foreach (var option in judge.All)
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
                judge.Read(parse)),
            parse.InvocationConfiguration,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(RunSettings settings, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        var console = Consoles.For(io.Output);
        var diagnostics = new RunDiagnostics(io, settings.Diagnostics);
        IBenchmarkReader reader;
        TemplateSet templateSet;
        try
        {
            reader = BuiltInReaders.Registry().Resolve(settings.Results, settings.Format);
            templateSet = TemplateSet.Load(settings.Templates);
        }
        catch (BenchmarkReadException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.InputNotFound, ex.Path, ex.Problem);
            return (int)ExitCode.InputError;
        }
        catch (ReportFileException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.InvalidOption, ex.Path, ex.Problem);
            return (int)ExitCode.InputError;
        }

        JudgeSetup judge;
        try
        {
            judge = JudgeFactory.Create(settings.Judge, settings.Output, Environment.GetEnvironmentVariables());
        }
        catch (JudgeConfigurationException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.InvalidOption, null, ex.Message);
            return (int)ExitCode.UsageError;
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
            return (int)ExitCode.OutputError;
        }

        TriageReport report;
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
                report = await WithProgressAsync(console, observer => pipeline.RunAsync(
                    reader, settings.Results, readerOptions, new CompositeObserver(observer, new CurationObserver(curation)), cancellationToken));
                await curation.CompleteAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await io.Error.WriteLineAsync($"Cancelled; the trials finished so far are in {curation.PartialPath}.");
                return (int)ExitCode.Cancelled;
            }
            catch (BenchmarkReadException ex)
            {
                await diagnostics.ProblemAsync(DiagnosticCodes.InputNotFound, ex.Path, ex.Problem);
                return (int)ExitCode.InputError;
            }
            catch (ReportFileException ex)
            {
                await diagnostics.ProblemAsync(DiagnosticCodes.OutputFailed, ex.Path, ex.Problem);
                return (int)ExitCode.OutputError;
            }
        }

        try
        {
            var files = await ReportWriter.WriteAsync(report, settings.Output, templateSet, cancellationToken);
            SummaryTable.Write(console, report);
            console.WriteLine();
            foreach (var file in files.All.Prepend(curation.Path))
            {
                console.MarkupLine($"wrote [link]{Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, file))}[/]");
            }
        }
        catch (ReportFileException ex)
        {
            await diagnostics.ProblemAsync(DiagnosticCodes.OutputFailed, ex.Path, ex.Problem);
            return (int)ExitCode.OutputError;
        }

        await diagnostics.FindingsAsync(report, settings.Results, settings.FailOn.CrossedBy(report));
        var crossed = settings.FailOn.Crossed(report);
        foreach (var (threshold, actual) in crossed)
        {
            await diagnostics.ThresholdCrossedAsync($"--fail-on {FailOnName(threshold.Category)}:{threshold.Count} crossed: {actual} failed trials.");
        }

        return crossed.Count > 0 ? (int)ExitCode.ThresholdCrossed : (int)ExitCode.Success;
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
        FailOnPolicy FailOn, DiagnosticsFormat Diagnostics, JudgeRequest Judge);
}
