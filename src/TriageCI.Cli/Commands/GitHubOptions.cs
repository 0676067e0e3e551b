using System.CommandLine;
using TriageCI.GitHub.Actions;
using TriageCI.GitHub.Publishing;

namespace TriageCI.Cli.Commands;

/// <summary>
/// The options of <c>triage run</c> that say what to publish when it runs in GitHub Actions. Each is also an input
/// of <c>action.yml</c> under the same name (a test keeps them equal).
/// </summary>
internal sealed class GitHubOptions
{
    public Option<string?> Token { get; } = new("--github-token")
    {
        Description = "The token for the pull-request comment and the defect issues (default: the GITHUB_TOKEN variable). Without one, nothing is written to GitHub.",
    };

    public Option<bool> Comment { get; } = new("--comment")
    {
        Description = "Write the sticky pull-request comment when the run is about a pull request.",
        DefaultValueFactory = _ => true,
    };

    public Option<string?> CommentKey { get; } = new("--comment-key")
    {
        Description = "What makes the pull-request comment unique: one comment per pull request and key (default: workflow/job/benchmark). Set it per matrix leg to get one comment each.",
    };

    public Option<bool> Issues { get; } = new("--issues")
    {
        Description = "Open or update one issue per task judged defective.",
        DefaultValueFactory = _ => true,
    };

    public Option<string> IssueLabels { get; } = new("--issue-labels")
    {
        Description = "Comma-separated labels for defect issues, created if missing; TriageCI finds its issues again by the first one.",
        DefaultValueFactory = _ => string.Join(',', DefectIssueSettings.DefaultLabels),
    };

    public Option<int> MaxIssues { get; } = new("--max-issues")
    {
        Description = "At most this many defect issues are opened or reopened per run; the rest follow in later runs (open issues are always updated).",
        DefaultValueFactory = _ => 10,
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Write nothing to GitHub: the comment and issues that would be written go to the step summary.",
    };

    public Option<bool> FailOnPublishError { get; } = new("--fail-on-publish-error")
    {
        Description = "Exit 5 when publishing to GitHub fails; otherwise a failed publish is a warning and the reports are kept either way.",
    };

    public IEnumerable<Option> All => [Token, Comment, CommentKey, Issues, IssueLabels, MaxIssues, DryRun, FailOnPublishError];

    public void AddValidators()
    {
        MaxIssues.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--max-issues must be 0 or more.");
            }
        });
        IssueLabels.Validators.Add(r =>
        {
            var labels = Labels(r.GetValueOrDefault<string>());
            if (labels.Count == 0)
            {
                r.AddError("--issue-labels needs at least one label.");
            }
            else if (labels.FirstOrDefault(l => l.Length > 50) is { } tooLong)
            {
                r.AddError($"--issue-labels: '{tooLong}' is longer than GitHub's 50 characters.");
            }
        });
    }

    public GitHubSettings Settings(ParseResult parse, Func<string, string?> environment) => new()
    {
        Token = parse.GetValue(Token) is { Length: > 0 } token ? token : environment("GITHUB_TOKEN") is { Length: > 0 } fromEnvironment ? fromEnvironment : null,
        Comment = parse.GetValue(Comment),
        CommentKey = parse.GetValue(CommentKey) is { Length: > 0 } key ? key : null,
        Issues = parse.GetValue(Issues),
        IssueLabels = Labels(parse.GetValue(IssueLabels)),
        MaxIssues = parse.GetValue(MaxIssues),
        DryRun = parse.GetValue(DryRun),
        FailOnPublishError = parse.GetValue(FailOnPublishError),
    };

    private static List<string> Labels(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
