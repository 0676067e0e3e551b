namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>An excerpt of a text by lines.</summary>
/// <param name="Text">The kept lines, each prefixed with its number, gaps marked with how many lines were left out.</param>
/// <param name="TotalLines">Lines in the whole text.</param>
/// <param name="KeptLines">The numbers (1-based) of the lines kept.</param>
public sealed record LineExcerpt(string Text, int TotalLines, IReadOnlySet<int> KeptLines)
{
    public bool Truncated => KeptLines.Count < TotalLines;
}
