namespace TriageCI.GitHub.Rendering;

/// <summary>One slice of the pie chart: a category name (fixed text, never benchmark text) and its trials.</summary>
public sealed record ChartSlice(string Name, int Count);
