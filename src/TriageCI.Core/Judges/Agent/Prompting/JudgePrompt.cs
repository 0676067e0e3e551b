namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>The opening of a judge conversation.</summary>
/// <param name="System">The rules: taxonomy, how to decide, the fence rule, the tools, the answer schema.</param>
/// <param name="User">The trial: probe evidence up front, then excerpts of the benchmark text, all fenced.</param>
/// <param name="Excerpts">The log excerpts included, by the file's path relative to the results folder.</param>
public sealed record JudgePrompt(string System, string User, IReadOnlyDictionary<string, LineExcerpt> Excerpts);
