namespace TriageCI.GitHub.Rendering;

/// <summary>A rendering kept within a size budget.</summary>
/// <param name="Text">The markdown.</param>
/// <param name="Omitted">What was left out to fit, in words; empty when nothing was.</param>
/// <param name="Fits">False only when even the shortest form did not fit (a user template too large for the budget).</param>
public sealed record BudgetedRendering(string Text, IReadOnlyList<string> Omitted, bool Fits);
