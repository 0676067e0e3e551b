using TriageCI.Core.IO;
using TriageCI.Core.Runs;

namespace TriageCI.Core.Judges.Agent.Tools;

/// <summary>
/// The files of one trial the judge may read: its recorded artifacts and whatever lies in its own folder, all
/// inside the results folder (links that leave it are refused). Never the run's shared log, which is about every trial.
/// </summary>
public sealed class TrialFiles
{
    /// <summary>Files listed at most; a trial folder with more is a dump, not evidence.</summary>
    public const int MaxFiles = 2_000;

    private readonly ResultsFolder _results;
    private readonly string? _trialFolder;
    private readonly Dictionary<string, Artifact> _artifacts;

    public TrialFiles(TaskRun run, ResultsFolder results)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(results);
        _results = results;
        _artifacts = run.Artifacts.Where(a => a.Kind != ArtifactKind.RunLog)
            .GroupBy(a => a.RelativePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (run.TrialPath is { } trialPath && results.TryResolve(trialPath, null, out var full, out _) && Directory.Exists(full) && full != results.Root)
        {
            _trialFolder = full;
        }
    }

    /// <summary>Relative path and size of every readable file, artifacts first.</summary>
    public IReadOnlyList<(string Path, long Length, ArtifactKind? Kind)> List()
    {
        var listed = _artifacts.Values.Select(a => (a.RelativePath, a.Length, (ArtifactKind?)a.Kind)).ToList();
        if (_trialFolder is null)
        {
            return listed;
        }

        var known = listed.Select(l => l.RelativePath).ToHashSet(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(_trialFolder, "*", options).Order(StringComparer.Ordinal))
        {
            if (listed.Count >= MaxFiles)
            {
                break;
            }

            var relative = _results.Relative(file);
            if (known.Add(relative))
            {
                listed.Add((relative, new FileInfo(file).Length, null));
            }
        }

        return listed;
    }

    /// <summary>The full path of a trial file named by its relative path, or the reason it may not be read.</summary>
    public bool TryResolve(string relativePath, out string fullPath, out string problem)
    {
        fullPath = string.Empty;
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            problem = "no path given";
            return false;
        }

        var path = relativePath.Trim().Replace('\\', '/');
        if (_artifacts.TryGetValue(path, out var artifact))
        {
            fullPath = artifact.FullPath;
            return true;
        }

        if (!_results.TryResolve(path, null, out var resolved, out var outside))
        {
            problem = outside ?? "not a trial file";
            return false;
        }

        if (_trialFolder is null || !resolved.StartsWith(_trialFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problem = $"{path}: not a file of this trial (list them with list_files)";
            return false;
        }

        if (!File.Exists(resolved))
        {
            problem = $"{path}: no such file";
            return false;
        }

        fullPath = resolved;
        return true;
    }
}
