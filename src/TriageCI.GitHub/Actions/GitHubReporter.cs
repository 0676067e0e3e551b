using System.Text;
using TriageCI.Core.Diagnostics;
using TriageCI.Core.Reports.Markdown;
using TriageCI.GitHub.Publishing;
using TriageCI.GitHub.Rendering;
using TriageCI.GitHub.Rest;

namespace TriageCI.GitHub.Actions;

/// <summary>
/// Reports a finished triage in GitHub Actions: annotations with the TRIAGE codes, the sticky pull-request comment,
/// the defect issues, the step summary and the outputs. The report files are written before this runs, so nothing
/// here can lose them; a publishing failure is a warning (and the <c>publish-status</c> output) unless the settings
/// ask for it to fail the run. A read-only token (a pull request from a fork) degrades to the summary and the
/// artifact, and the log says how to publish anyway (the <c>workflow_run</c> recipe).
/// </summary>
public sealed class GitHubReporter(ActionsEnvironment environment, Func<GitHubConnectionOptions, IGitHubClient> clientFactory)
{
    public const string ReadOnlyAdvice =
        "The token may not write here (a pull request from a fork gets a read-only GITHUB_TOKEN, or the workflow lacks `permissions: pull-requests: write, issues: write`). " +
        "The report is in the step summary and the report artifact; to comment on fork pull requests, publish from a `workflow_run` workflow (README: \"Pull requests from forks\").";

    private static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>The real client: HTTPS to <see cref="GitHubConnectionOptions.ApiUrl"/>.</summary>
    public static IGitHubClient DefaultClient(GitHubConnectionOptions options) => new GitHubClient(new GitHubConnection(SharedHttp, options));

    public async Task<GitHubReportResult> ReportAsync(GitHubReportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = input.Settings;
        var report = input.Report;
        AnnotationWriter.Write(environment, DiagnosticsBuilder.From(report, input.ResultsRoot, input.FailOn));

        var problems = new List<string>();
        GitHubEvent gitHubEvent;
        try
        {
            gitHubEvent = environment.ReadEvent();
        }
        catch (GitHubEventException ex)
        {
            Warn(problems, ex.Message);
            gitHubEvent = GitHubEvent.None;
        }

        GitHubContextFile? context = null;
        if (input.ContextFolder is { } folder)
        {
            context = GitHubContextFile.TryRead(folder, out var problem);
            if (problem is not null)
            {
                Warn(problems, problem);
            }
        }

        var benchmark = report.Run.Benchmark ?? report.Run.Format;
        var commentKey = settings.CommentKey ?? context?.CommentKey ?? $"{environment.Workflow ?? "workflow"}/{environment.Job ?? "job"}/{benchmark}";
        var marker = HiddenMarker.For("comment", commentKey);
        var links = PrCommentLinks.ForRun(environment.RunUrl);
        var comment = PrCommentRenderer.Render(input.Templates, report, links, text => StickyComment.Body(marker, text).Length <= PrCommentRenderer.GitHubBodyLimit);
        var drafts = DefectIssuePublisher.Drafts(report, input.Templates, new DefectIssueSettings { Labels = settings.IssueLabels, MaxIssues = settings.MaxIssues, RunUrl = environment.RunUrl });

        var pullRequest = gitHubEvent.PullRequest;
        var headSha = gitHubEvent.HeadSha ?? environment.Sha;
        await new GitHubContextFile(pullRequest ?? context?.PullRequest, headSha, commentKey, environment.Repository, environment.RunUrl)
            .WriteAsync(input.OutputFolder, cancellationToken);

        var status = "skipped";
        CommentResult? commentResult = null;
        IReadOnlyList<IssueOutcome> issues = [];
        if (settings.DryRun)
        {
            status = "dry-run";
            environment.Log.WriteLine("Dry run: nothing is written to GitHub; the comment and issues it would write are in the step summary.");
        }
        else if (settings.Token is null)
        {
            status = "no-token";
            environment.Commands.Annotate("notice", "No GitHub token, so no pull-request comment or issues; the report is in the step summary and the output folder.", "TriageCI: not published");
        }
        else if (environment.Repository is { } repositoryText && (settings.Comment || settings.Issues))
        {
            environment.Commands.Group("TriageCI: publish to GitHub");
            try
            {
                (status, commentResult, issues) = await PublishAsync(RepositoryName.Parse(repositoryText), settings, gitHubEvent, context, marker, comment.Text, drafts, input, problems, cancellationToken);
            }
            finally
            {
                environment.Commands.EndGroup();
            }
        }

        var result = new GitHubReportResult(status, commentResult, issues, problems);
        WriteStepSummary(input, comment, drafts, result);
        if (environment.OutputPath is { } outputs)
        {
            OutputFile.Append(outputs, ActionOutputs.Values(report, input.Paths.ToDictionary(p => p.Key, p => environment.ForRunner(p.Value), StringComparer.Ordinal), result));
        }

        return result;
    }

    private async Task<(string Status, CommentResult? Comment, IReadOnlyList<IssueOutcome> Issues)> PublishAsync(
        RepositoryName repository, GitHubSettings settings, GitHubEvent gitHubEvent, GitHubContextFile? context, string marker, string commentText,
        IReadOnlyList<IssueDraft> drafts, GitHubReportInput input, List<string> problems, CancellationToken cancellationToken)
    {
        var client = clientFactory(new GitHubConnectionOptions { ApiUrl = environment.ApiUrl, Token = settings.Token!, UserAgent = $"triageci/{input.Report.Tool.Version}" });
        var readOnly = false;
        var failures = 0;
        var attempts = 0;

        TokenIdentity identity;
        try
        {
            identity = await TokenIdentity.ResolveAsync(client.Users, cancellationToken);
        }
        catch (Exception ex) when (IsPublishFailure(ex))
        {
            Warn(problems, $"cannot tell who the token is, so nothing is published: {ex.Message}");
            return ("failed", null, []);
        }

        CommentResult? commentResult = null;
        if (settings.Comment)
        {
            var pullRequest = await PullRequestAsync(client, repository, gitHubEvent, context, problems, cancellationToken);
            if (pullRequest is { } number)
            {
                attempts++;
                try
                {
                    commentResult = await new StickyComment(client.IssueComments).PublishAsync(repository, number, marker, commentText, identity, cancellationToken);
                    environment.Log.WriteLine($"Pull-request comment {commentResult.Action}: {commentResult.Url}");
                }
                catch (Exception ex) when (IsPublishFailure(ex))
                {
                    failures++;
                    readOnly |= ex is GitHubForbiddenException;
                    Warn(problems, $"the pull-request comment was not written: {ex.Message}" + (ex is GitHubForbiddenException ? " " + ReadOnlyAdvice : string.Empty));
                }
            }
            else
            {
                environment.Log.WriteLine($"No pull request for the '{gitHubEvent.Name}' event: no comment.");
            }
        }

        IReadOnlyList<IssueOutcome> issues = [];
        if (settings.Issues && drafts.Count > 0 && !readOnly)
        {
            attempts++;
            try
            {
                issues = await new DefectIssuePublisher(client).PublishAsync(
                    repository, input.Report, input.Templates, identity,
                    new DefectIssueSettings { Labels = settings.IssueLabels, MaxIssues = settings.MaxIssues, RunUrl = environment.RunUrl },
                    cancellationToken);
                foreach (var issue in issues)
                {
                    environment.Log.WriteLine($"Issue for task {issue.TaskId}: {issue.Action}{(issue.Url is { } url ? " " + url : string.Empty)}");
                }

                var overCap = issues.Count(i => i.Action == "over-cap");
                if (overCap > 0)
                {
                    environment.Commands.Annotate("notice", $"{overCap} defect issues were not opened: at most {settings.MaxIssues} are opened or reopened per run (max-issues). They follow in later runs.", "TriageCI: issue cap reached");
                }
            }
            catch (Exception ex) when (IsPublishFailure(ex))
            {
                failures++;
                readOnly |= ex is GitHubForbiddenException;
                Warn(problems, $"the defect issues were not filed: {ex.Message}" + (ex is GitHubForbiddenException ? " " + ReadOnlyAdvice : string.Empty));
            }
        }

        var status = failures == 0 ? (attempts == 0 ? "skipped" : "published")
            : readOnly ? "read-only"
            : failures < attempts ? "partial"
            : "failed";
        return (status, commentResult, issues);
    }

    /// <summary>
    /// The pull request to comment on: the event's, or for a <c>workflow_run</c> started by a fork, the one
    /// <c>github-context.json</c> names, accepted only when GitHub confirms its head is the commit the run was about.
    /// </summary>
    private async Task<int?> PullRequestAsync(IGitHubClient client, RepositoryName repository, GitHubEvent gitHubEvent, GitHubContextFile? context, List<string> problems, CancellationToken cancellationToken)
    {
        if (gitHubEvent.PullRequest is { } number)
        {
            return number;
        }

        if (gitHubEvent.Name != "workflow_run" || context?.PullRequest is not { } claimed)
        {
            return null;
        }

        try
        {
            var pr = await client.PullRequests.GetAsync(repository, claimed, cancellationToken);
            if (gitHubEvent.HeadSha is { } sha && string.Equals(pr.Head.Sha, sha, StringComparison.OrdinalIgnoreCase))
            {
                return claimed;
            }

            Warn(problems, $"{GitHubContextFile.FileName} names pull request #{claimed}, whose head ({pr.Head.Sha}) is not the commit the triggering run was about ({gitHubEvent.HeadSha ?? "unknown"}); no comment.");
        }
        catch (Exception ex) when (IsPublishFailure(ex))
        {
            Warn(problems, $"cannot check pull request #{claimed} named by {GitHubContextFile.FileName}: {ex.Message}");
        }

        return null;
    }

    private static bool IsPublishFailure(Exception ex) => ex is GitHubApiException or HttpRequestException or InvalidOperationException or TaskCanceledException { CancellationToken.IsCancellationRequested: false };

    private void Warn(List<string> problems, string message)
    {
        problems.Add(message);
        environment.Commands.Annotate("warning", message, "TriageCI: publishing");
    }

    /// <summary>
    /// The whole summary when it fits GitHub's 1 MiB, else the budgeted comment rendering at that size; then what was
    /// published, or in a dry run the comment and issues that would have been, as far as they fit.
    /// </summary>
    private void WriteStepSummary(GitHubReportInput input, BudgetedRendering comment, IReadOnlyList<IssueDraft> drafts, GitHubReportResult result)
    {
        if (environment.StepSummaryPath is not { } path)
        {
            return;
        }

        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        var room = StepSummary.MaxBytes - (int)Math.Min(existing, StepSummary.MaxBytes);
        const int Reserve = 16 * 1024;
        var main = input.Summary;
        if (StepSummary.ByteCount(main) > room - Reserve)
        {
            main = PrCommentRenderer.Render(input.Templates, input.Report, PrCommentLinks.None, text => StepSummary.ByteCount(text) <= room - Reserve).Text;
        }

        var text = new StringBuilder(main.TrimEnd('\n')).Append("\n\n");
        var status = Status(result, input.Settings);
        text.Append(status);
        if (result.Status == "dry-run")
        {
            var previews = new List<string>
            {
                Details($"Pull-request comment ({comment.Text.Length:N0} of {PrCommentRenderer.GitHubBodyLimit:N0} characters)", comment.Text),
            };
            previews.AddRange(drafts.Select(d => Details("Issue: " + MarkdownText.Inline(d.Title), d.Body)));
            var left = 0;
            foreach (var preview in previews)
            {
                if (StepSummary.ByteCount(text.ToString()) + StepSummary.ByteCount(preview) <= room - 1024)
                {
                    text.Append(preview);
                }
                else
                {
                    left++;
                }
            }

            if (left > 0)
            {
                text.Append($"\n{left} previews left out to keep the step summary within GitHub's 1 MiB.\n");
            }
        }

        StepSummary.Append(path, text.ToString());
    }

    private static string Details(string summary, string body) => $"\n<details>\n<summary>{summary}</summary>\n\n{body.TrimEnd('\n')}\n\n</details>\n";

    private static string Status(GitHubReportResult result, GitHubSettings settings)
    {
        var text = new StringBuilder("### TriageCI on GitHub\n\n");
        text.Append(result.Status switch
        {
            "dry-run" => "Dry run: nothing was written to GitHub. Below is what would have been.\n",
            "no-token" => "No token was given, so nothing was written to GitHub.\n",
            "read-only" => "The token may not write to this repository (a pull request from a fork?), so nothing was written to GitHub. " +
                "The report is here and in the report artifact; see the README's \"Pull requests from forks\" for the `workflow_run` recipe.\n",
            "skipped" => "Nothing to publish to GitHub for this event.\n",
            _ => string.Empty,
        });
        if (result.Comment is { } comment)
        {
            text.Append($"- Pull-request comment {comment.Action}: {comment.Url}\n");
        }

        foreach (var issue in result.Issues)
        {
            text.Append($"- Task {MarkdownText.CodeSpan(issue.TaskId)}: issue {issue.Action}{(issue.Url is { } url ? " " + url : string.Empty)}\n");
        }

        foreach (var problem in result.Problems)
        {
            text.Append($"- Problem: {MarkdownText.Inline(problem)}\n");
        }

        if (settings.MaxIssues == 0 && settings.Issues)
        {
            text.Append("- No issues are filed: max-issues is 0.\n");
        }

        return text.ToString();
    }
}
