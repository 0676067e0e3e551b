namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>The opening of a judge conversation.</summary>
/// <param name="System">The rules: taxonomy, how to decide, the fence rule, the tools, the answer schema.</param>
/// <param name="User">The trial: probe evidence up front, then excerpts of the benchmark text, all fenced.</param>
/// <param name="Excerpts">The log excerpts included, by the file's path relative to the results folder.</param>
/// <param name="Sources">Each benchmark text the prompt excerpts: how much of it went in, against its whole size.</param>
/// <param name="KeptSteps">The trajectory steps (by index) the digest kept.</param>
public sealed record JudgePrompt(
    string System,
    string User,
    IReadOnlyDictionary<string, LineExcerpt> Excerpts,
    IReadOnlyList<PromptSource> Sources,
    IReadOnlySet<int> KeptSteps);

/// <summary>One benchmark text as the prompt excerpts it.</summary>
/// <param name="Name">The file's relative path, or <c>instruction</c>, <c>trajectory</c>, <c>agent-patch</c>.</param>
/// <param name="KeptChars">Characters of it in the prompt.</param>
/// <param name="FullChars">Characters (for files: bytes) of the whole.</param>
public sealed record PromptSource(string Name, long KeptChars, long FullChars);
