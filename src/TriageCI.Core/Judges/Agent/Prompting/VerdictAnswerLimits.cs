namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>Bounds on the final answer, shared by the schema the model sees and the parser that checks it.</summary>
public static class VerdictAnswerLimits
{
    public const int RationaleChars = 1_500;

    public const int Citations = 8;
}
