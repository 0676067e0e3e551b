namespace TriageCI.Core.Judges.Agent.Answers;

/// <summary>A parsed answer, or what is wrong with it (said so the model can fix it in one repair turn).</summary>
public sealed record AnswerCheck(VerdictAnswer? Answer, IReadOnlyList<string> Problems)
{
    public bool IsValid => Answer is not null;
}
