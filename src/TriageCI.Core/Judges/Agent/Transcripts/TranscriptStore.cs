using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TriageCI.Core.Json;
using TriageCI.Core.Reports;

namespace TriageCI.Core.Judges.Agent.Transcripts;

/// <summary>A folder of transcripts, one file per trial. Thread-safe: each trial has its own file.</summary>
public sealed class TranscriptStore(string folder)
{
    /// <summary>Transcripts larger than this are not replayed: no judge conversation within budget comes near it.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The file of a trial: its id where that is a safe file name, else a safe form with a hash of the id.</summary>
    public string PathOf(string trialId)
    {
        ArgumentException.ThrowIfNullOrEmpty(trialId);
        var safe = new string(trialId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        if (safe != trialId || safe.Length > 120)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(trialId)))[..10];
            safe = $"{safe[..Math.Min(safe.Length, 100)]}-{hash}";
        }

        return Path.Combine(Folder, safe + ".json");
    }

    /// <exception cref="ReportFileException">The file cannot be written.</exception>
    public Task WriteAsync(Transcript transcript, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return AtomicFile.WriteAsync(PathOf(transcript.TrialId),
            (stream, token) => JsonSerializer.SerializeAsync(stream, transcript, TriageJson.Options, token), cancellationToken);
    }

    /// <exception cref="InvalidDataException">No transcript for the trial, or one that cannot be read; the message names the file.</exception>
    public async Task<Transcript> ReadAsync(string trialId, CancellationToken cancellationToken)
    {
        var path = PathOf(trialId);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no transcript for trial '{trialId}'");
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new InvalidDataException($"{path}: larger than {MaxBytes / (1024 * 1024)} MiB, not a judge transcript");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var transcript = await JsonSerializer.DeserializeAsync<Transcript>(stream, TriageJson.Options, cancellationToken)
                ?? throw new InvalidDataException($"{path}: the transcript is null");
            var major = transcript.SchemaVersion.Split('.')[0];
            if (major != Transcript.CurrentSchemaVersion.Split('.')[0])
            {
                throw new InvalidDataException($"{path}: transcript schema version {transcript.SchemaVersion} is not supported (expected {Transcript.CurrentSchemaVersion})");
            }

            return transcript.TrialId == trialId
                ? transcript
                : throw new InvalidDataException($"{path}: the transcript is of trial '{transcript.TrialId}', not '{trialId}'");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: malformed transcript at line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
    }
}
