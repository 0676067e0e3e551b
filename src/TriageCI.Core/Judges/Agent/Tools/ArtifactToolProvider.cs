using Microsoft.Extensions.AI;
using TriageCI.Core.Probes;
using TriageCI.Core.Runs;
using TriageCI.Core.Verdicts;

namespace TriageCI.Core.Judges.Agent.Tools;

/// <summary>
/// The text-only tools (<see cref="AccessMode.LlmOnly"/>): list, read and grep the trial's own files through the
/// results folder. Always available, whatever environment the trial has.
/// </summary>
public sealed class ArtifactToolProvider : IJudgeToolProvider
{
    public const string ListFiles = "list_files";
    public const string ReadFile = "read_file";
    public const string Grep = "grep";

    public AccessMode Mode => AccessMode.LlmOnly;

    public ValueTask<JudgeToolbox?> OpenAsync(TaskRun run, TrialContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(context);
        var tools = new ArtifactTools(new TrialFiles(run, context.Results));
        IReadOnlyList<AIFunction> functions =
        [
            AIFunctionFactory.Create(tools.ListFiles, ListFiles),
            AIFunctionFactory.Create(tools.ReadFileAsync, ReadFile),
            AIFunctionFactory.Create(tools.GrepAsync, Grep),
        ];
        return ValueTask.FromResult<JudgeToolbox?>(new JudgeToolbox(Mode, functions));
    }
}
