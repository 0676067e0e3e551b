using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TriageCI.Cli.Terminal;
using TriageCI.Core.Evidence;
using TriageCI.Core.IO;
using TriageCI.Core.Judges.Agent.Prompting;
using TriageCI.Core.Probes;
using TriageCI.Core.Probes.Text;
using TriageCI.Core.Readers;
using TriageCI.Core.Runs;

namespace TriageCI.Cli.Commands.Benchmarks;

/// <summary>
/// <c>triage benchmark prompt</c>: measures the agent judge's opening prompt on real runs, without a model: tokens per
/// failed trial against a naive dump of everything the trial left, and how many of the lines probes cited survive the
/// intent excerpt compared with blind cuts of the same size.
/// </summary>
public static class PromptBenchmark
{
    public static Command Create()
    {
        var results = new Argument<string[]>("results") { Description = "Benchmark outputs to measure on, as for 'triage run'.", Arity = ArgumentArity.OneOrMore };
        var prompt = new Command("prompt", "Measure the agent judge's opening prompt against a full-context dump, per failed trial.") { results };
        prompt.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(results), parse.InvocationConfiguration, cancellationToken));
        return prompt;
    }

    private static async Task<int> RunAsync(string[] paths, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        var console = Consoles.For(io.Output);
        var builder = new JudgePromptBuilder();
        console.WriteLine("Opening prompt of the agent judge against a full-context dump; tokens estimated at 4 characters a token.");
        var all = new List<PromptFigures>();
        foreach (var path in paths)
        {
            IBenchmarkReader reader;
            try
            {
                reader = BuiltInReaders.Registry().Resolve(path, null);
            }
            catch (BenchmarkReadException ex)
            {
                await io.Error.WriteLineAsync(ex.Message);
                return (int)ExitCode.InputError;
            }

            var context = new TrialContext(new ResultsFolder(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!));
            var figures = new List<PromptFigures>();
            await foreach (var item in reader.ReadTrialsAsync(path, ReaderOptions.Default, cancellationToken))
            {
                if (item is ReadTrial { Run: var run } && run.Outcome.IsFailure)
                {
                    figures.Add(await PromptMeasure.MeasureAsync(run, await EvidenceOfAsync(run, context, cancellationToken), builder, cancellationToken));
                }
            }

            all.AddRange(figures);
            console.Write(Table(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), figures));
        }

        if (paths.Length > 1)
        {
            console.Write(Table("all", all));
        }

        return (int)ExitCode.Success;
    }

    private static async Task<List<EvidenceItem>> EvidenceOfAsync(TaskRun run, TrialContext context, CancellationToken cancellationToken)
    {
        var evidence = new List<EvidenceItem>();
        foreach (var probe in TextProbes.All)
        {
            try
            {
                evidence.AddRange(await probe.ProbeAsync(run, context, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A probe that cannot read a file costs that evidence only, as in a triage run.
            }
        }

        return evidence;
    }

    private static readonly string[] Figures =
    [
        "failed trials",
        "prompt tokens (median / max)",
        "full dump tokens (median / max)",
        "ratio, all trials (prompt sum / dump sum)",
        "ratio, median trial",
        "cited log lines kept: intent excerpt / head cut / head+tail cut",
        "cited steps kept: digest / first steps / last steps",
    ];

    private static Table Table(string name, List<PromptFigures> figures)
    {
        var table = new Table().AddColumns(Markup.Escape(name), string.Empty);
        foreach (var (figure, value) in Figures.Zip(Values(figures)))
        {
            table.AddRow(figure, value);
        }

        return table;
    }

    private static string[] Values(List<PromptFigures> figures)
    {
        if (figures.Count == 0)
        {
            return ["0", "–", "–", "–", "–", "–", "–"];
        }

        static long Median(IEnumerable<long> values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }

        var ratios = figures.Where(f => f.NaiveTokens > 0).Select(f => (double)f.PromptTokens / f.NaiveTokens).Order().ToList();
        static string Share(int kept, int of) => of == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{kept}/{of} ({100.0 * kept / of:0}%)");
        var lines = figures.Sum(f => f.DecisiveLines);
        var steps = figures.Sum(f => f.DecisiveSteps);
        return
        [
            figures.Count.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{Median(figures.Select(f => f.PromptTokens)):N0} / {figures.Max(f => f.PromptTokens):N0}"),
            string.Create(CultureInfo.InvariantCulture, $"{Median(figures.Select(f => f.NaiveTokens)):N0} / {figures.Max(f => f.NaiveTokens):N0}"),
            string.Create(CultureInfo.InvariantCulture, $"{(double)figures.Sum(f => f.PromptTokens) / Math.Max(1, figures.Sum(f => f.NaiveTokens)):0.000}"),
            ratios.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{ratios[ratios.Count / 2]:0.000}"),
            $"{Share(figures.Sum(f => f.KeptByIntent), lines)} / {Share(figures.Sum(f => f.KeptByHeadCut), lines)} / {Share(figures.Sum(f => f.KeptByHeadTail), lines)}"
                + (figures.Sum(f => f.DecisiveLinesElsewhere) is > 0 and var elsewhere ? $"; {elsewhere} in files read by tools" : string.Empty),
            $"{Share(figures.Sum(f => f.StepsKeptByIntent), steps)} / {Share(figures.Sum(f => f.StepsKeptByHead), steps)} / {Share(figures.Sum(f => f.StepsKeptByTail), steps)}",
        ];
    }
}
