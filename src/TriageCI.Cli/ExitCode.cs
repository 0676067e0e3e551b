namespace TriageCI.Cli;

/// <summary>The documented exit codes of <c>triage</c>. Values never change meaning.</summary>
public enum ExitCode
{
    /// <summary>Triage ran; thresholds, if any, were not crossed.</summary>
    Success = 0,

    /// <summary>Triage ran and a <c>--fail-on</c> threshold was crossed.</summary>
    ThresholdCrossed = 1,

    /// <summary>The command line is wrong (unknown option, missing argument, bad value).</summary>
    UsageError = 2,

    /// <summary>The input cannot be used: no such path, unknown format, unreadable labels or report.</summary>
    InputError = 3,

    /// <summary>Writing an output file failed.</summary>
    OutputError = 4,

    /// <summary>Publishing to GitHub failed and <c>--fail-on-publish-error</c> asked for that to fail the run; the reports were written.</summary>
    PublishFailed = 5,

    /// <summary>Interrupted (Ctrl+C or SIGTERM); results finished so far were kept.</summary>
    Cancelled = 130,
}

/// <summary>What each exit code means, for <c>--help</c> and the README.</summary>
public static class ExitCodes
{
    public static string Meaning(ExitCode code) => code switch
    {
        ExitCode.Success => "triage ran; no `--fail-on` threshold was crossed",
        ExitCode.ThresholdCrossed => "triage ran and a `--fail-on` threshold was crossed",
        ExitCode.UsageError => "the command line is wrong",
        ExitCode.InputError => "the input cannot be used: no such path, unknown format, unreadable labels or report",
        ExitCode.OutputError => "an output file could not be written",
        ExitCode.PublishFailed => "publishing to GitHub failed and `--fail-on-publish-error` was given; the reports were written",
        ExitCode.Cancelled => "interrupted; results finished so far were kept",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };
}
