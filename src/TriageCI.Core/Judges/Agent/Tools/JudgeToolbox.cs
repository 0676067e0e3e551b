using Microsoft.Extensions.AI;
using TriageCI.Core.Evidence;
using TriageCI.Core.Verdicts;

namespace TriageCI.Core.Judges.Agent.Tools;

/// <summary>
/// The tools of one conversation and what they did. Tools return plain text (the loop fences it) and report a
/// problem as text rather than throwing. Disposing releases what the tools hold (a sandbox, for one).
/// </summary>
public class JudgeToolbox(AccessMode mode, IReadOnlyList<AIFunction> tools) : IAsyncDisposable
{
    private readonly List<CommandRun> _commands = [];
    private readonly Lock _gate = new();

    public AccessMode Mode { get; } = mode;

    public IReadOnlyList<AIFunction> Tools { get; } = tools;

    /// <summary>The commands the tools ran, so a verdict may cite them; empty for text tools.</summary>
    public IReadOnlyList<CommandRun> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>Records a command a tool ran.</summary>
    public void Ran(CommandRun command)
    {
        lock (_gate)
        {
            _commands.Add(command);
        }
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return DisposeCoreAsync();
    }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
