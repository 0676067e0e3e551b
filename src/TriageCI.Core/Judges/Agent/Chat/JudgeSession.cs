using TriageCI.Core.Judges.Agent.Budgets;
using TriageCI.Core.Judges.Agent.Transcripts;
using TriageCI.Core.Runs;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>One conversation about one trial: which sample it is, what it may spend and where it is recorded.</summary>
/// <param name="Run">The trial judged.</param>
/// <param name="Sample">1 for the verdict, 2 for the confirmation of a task-defect verdict.</param>
/// <param name="Meter">The conversation's budget.</param>
/// <param name="Recorder">Its transcript.</param>
public sealed record JudgeSession(TaskRun Run, int Sample, BudgetMeter Meter, TranscriptRecorder Recorder);
