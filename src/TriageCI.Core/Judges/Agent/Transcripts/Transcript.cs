namespace TriageCI.Core.Judges.Agent.Transcripts;

/// <summary>
/// Every conversation the agent judge held about one trial, as sent (after redaction) and as answered, so a verdict
/// can be audited and re-evaluated without a model (<c>--replay</c>). Written as <c>transcripts/&lt;trial&gt;.json</c>
/// beside the report, with the JSON conventions of every TriageCI file.
/// </summary>
public sealed record Transcript
{
    public const string CurrentSchemaVersion = "1.0";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string TrialId { get; init; }

    public required string TaskId { get; init; }

    /// <summary><c>agent</c> or <c>replay</c>.</summary>
    public required string JudgeKind { get; init; }

    public string? Model { get; init; }

    public required Verdicts.AccessMode AccessMode { get; init; }

    /// <summary>The first conversation, then the confirmation of a task-defect verdict if one was held.</summary>
    public required IReadOnlyList<TranscriptSample> Samples { get; init; }
}

/// <summary>One independent conversation.</summary>
public sealed record TranscriptSample
{
    /// <summary>1 for the verdict, 2 for the confirmation.</summary>
    public required int Sample { get; init; }

    public required IReadOnlyList<TranscriptMessage> Messages { get; init; }

    public required IReadOnlyList<TranscriptCall> Calls { get; init; }

    /// <summary>How it ended: <c>answered</c>, <c>repaired</c>, <c>invalid-answer</c>, <c>budget-exhausted</c>, <c>failed</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Why it ended without a valid answer, or what forced it to conclude early.</summary>
    public string? Note { get; init; }
}

/// <summary>One message; an assistant message names the model call that produced it.</summary>
public sealed record TranscriptMessage
{
    /// <summary><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</summary>
    public required string Role { get; init; }

    /// <summary>The 1-based model call that answered this message; null for messages the judge sent.</summary>
    public int? Call { get; init; }

    public required IReadOnlyList<TranscriptPart> Parts { get; init; }
}

/// <summary>Text, a tool call or a tool result.</summary>
public sealed record TranscriptPart
{
    /// <summary><c>text</c>, <c>tool-call</c> or <c>tool-result</c>.</summary>
    public required string Type { get; init; }

    public string? Text { get; init; }

    public string? CallId { get; init; }

    public string? Name { get; init; }

    /// <summary>A tool call's arguments, as a JSON object.</summary>
    public System.Text.Json.JsonElement? Arguments { get; init; }

    public string? Result { get; init; }
}

/// <summary>What one model call reported.</summary>
public sealed record TranscriptCall
{
    public required int Call { get; init; }

    public string? Model { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public string? FinishReason { get; init; }
}
