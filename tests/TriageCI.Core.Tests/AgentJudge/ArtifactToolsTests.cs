using TriageCI.Core.Judges.Agent.Tools;
using TriageCI.Testing.Llm;

namespace TriageCI.Core.Tests.AgentJudge;

public class ArtifactToolsTests
{
    [Fact]
    public async Task The_tools_list_read_and_grep_the_trial_s_own_files()
    {
        using var trial = new SyntheticTrial(string.Join('\n', Enumerable.Range(1, 500).Select(n => n == 250 ? "Traceback (most recent call last):" : $"line {n}")));
        File.WriteAllText(Path.Combine(trial.Root, SyntheticTrial.TrialFolder, "notes.txt"), "extra file\n");
        var tools = new ArtifactTools(new TrialFiles(trial.Run, trial.Results));

        var list = tools.ListFiles();
        var read = await tools.ReadFileAsync(SyntheticTrial.LogPath, 249, 251, TestContext.Current.CancellationToken);
        var grep = await tools.GrepAsync("traceback", null, TestContext.Current.CancellationToken);

        Assert.Contains(SyntheticTrial.LogPath, list, StringComparison.Ordinal);
        Assert.Contains(SyntheticTrial.TrialFolder + "/notes.txt", list, StringComparison.Ordinal);
        Assert.Equal($"249: line 249\n250: Traceback (most recent call last):\n251: line 251\n[{SyntheticTrial.LogPath}: lines 249-251 of 500]\n", read);
        Assert.Equal($"{SyntheticTrial.LogPath}:250: Traceback (most recent call last):\n", grep);
    }

    [Fact]
    public async Task Reads_are_capped_per_call()
    {
        using var trial = new SyntheticTrial(string.Join('\n', Enumerable.Range(1, 2_000).Select(n => $"line {n}")));
        var tools = new ArtifactTools(new TrialFiles(trial.Run, trial.Results));

        var read = await tools.ReadFileAsync(SyntheticTrial.LogPath, 1, 2_000, TestContext.Current.CancellationToken);

        Assert.Contains($"lines 1-{ArtifactTools.MaxReadLines} of 2000", read, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("jobs/job-1/other-trial/secret.txt")]
    public async Task Paths_outside_the_trial_are_refused(string path)
    {
        using var trial = new SyntheticTrial("x\n");
        Directory.CreateDirectory(Path.Combine(trial.Root, "jobs/job-1/other-trial"));
        File.WriteAllText(Path.Combine(trial.Root, "jobs/job-1/other-trial/secret.txt"), "other");
        var tools = new ArtifactTools(new TrialFiles(trial.Run, trial.Results));

        var read = await tools.ReadFileAsync(path, 1, null, TestContext.Current.CancellationToken);

        Assert.StartsWith("error:", read, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_pattern_is_reported_not_thrown()
    {
        using var trial = new SyntheticTrial("x\n");
        var tools = new ArtifactTools(new TrialFiles(trial.Run, trial.Results));

        Assert.StartsWith("error: not a valid regular expression", await tools.GrepAsync("(unclosed", null, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
