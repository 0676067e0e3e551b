using TriageCI.Core.Evidence;
using TriageCI.Core.IO;
using TriageCI.Core.Probes;
using TriageCI.Core.Runs;

namespace TriageCI.Testing.Llm;

/// <summary>
/// A failed trial written into a scratch folder: a test log, a trajectory whose steps the test chooses, and evidence
/// pointing at the log. For judge tests that need benchmark text of a known shape (injections, secrets).
/// </summary>
public sealed class SyntheticTrial : IDisposable
{
    public const string TrialFolder = "jobs/job-1/fix-widget__A1";
    public const string LogPath = TrialFolder + "/verifier/test-stdout.txt";

    private readonly TempFolder _folder = new();

    public SyntheticTrial(string log, IReadOnlyList<TrajectoryStep>? steps = null, string instruction = "Fix the widget so that the tests pass.")
    {
        var full = _folder.Write(LogPath, log);
        Results = new ResultsFolder(_folder.Path);
        Run = new TaskRun
        {
            Format = "harbor",
            TaskId = "fix-widget",
            TrialId = "fix-widget__A1",
            Agent = "acme-agent",
            Model = "acme/coder-1",
            Instruction = instruction,
            Outcome = new HarnessOutcome { Kind = OutcomeKind.TestsFailed, Resolved = false, Reward = 0, HarnessLabel = "reward 0" },
            Trajectory = new Trajectory { Format = "atif-v1.6", SourcePath = TrialFolder + "/agent/trajectory.json", Steps = steps ?? [], TotalSteps = steps?.Count ?? 0 },
            TrialPath = TrialFolder,
            Artifacts = [new Artifact(ArtifactKind.TestOutput, LogPath, full, new FileInfo(full).Length)],
        };
        Evidence =
        [
            new EvidenceItem
            {
                Probe = "harness-outcome",
                Signal = Signals.TestsFailed,
                Summary = "The verifier's tests failed (reward 0).",
                Location = new FieldValue(TrialFolder + "/result.json", "verifier_result.rewards.reward", "0"),
            },
        ];
    }

    public TaskRun Run { get; }

    public ResultsFolder Results { get; }

    public TrialContext Context => new(Results);

    public IReadOnlyList<EvidenceItem> Evidence { get; }

    public string Root => _folder.Path;

    public void Dispose() => _folder.Dispose();
}
