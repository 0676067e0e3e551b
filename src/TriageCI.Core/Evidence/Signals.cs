namespace TriageCI.Core.Evidence;

/// <summary>
/// Stable ids of everything a probe can observe. Reports, the rules judge and the judge prompt use these ids;
/// renaming one is a breaking change of the report schema.
/// </summary>
public static class Signals
{
    // What the harness recorded.
    public const string TestsFailed = "harness.tests-failed";
    public const string AgentTimeout = "harness.agent-timeout";
    public const string AgentBudgetExhausted = "harness.agent-budget-exhausted";
    public const string ContextLengthExceeded = "harness.context-length-exceeded";
    public const string AgentCrashed = "harness.agent-crashed";
    public const string AgentSetupFailed = "harness.agent-setup-failed";
    public const string NoSubmission = "harness.no-submission";
    public const string PatchApplyFailed = "harness.patch-apply-failed";
    public const string TestTimeout = "harness.test-timeout";
    public const string TestOutputUnparsable = "harness.test-output-unparsable";
    public const string VerifierFailed = "harness.verifier-failed";
    public const string EnvironmentSetupFailed = "harness.environment-setup-failed";
    public const string Cancelled = "harness.cancelled";
    public const string HarnessError = "harness.harness-error";
    public const string HarnessInfraFlag = "harness.infra-flag";
    public const string OutcomeUnknown = "harness.outcome-unknown";
    public const string AgentKilled = "harness.agent-killed";

    // Signatures found in logs and test output.
    public const string OomKilled = "log.oom-killed";
    public const string ContainerUnavailable = "log.container-unavailable";
    public const string NetworkUnreachable = "log.network-unreachable";
    public const string ModelRateLimited = "log.model-rate-limited";
    public const string ModelContextExceeded = "log.model-context-exceeded";
    public const string ModelEndpointError = "log.model-endpoint-error";
    public const string HarnessException = "log.harness-exception";
    public const string ImageBuildFailed = "log.image-build-failed";
    public const string SandboxProviderError = "log.sandbox-provider-error";
    public const string TestCollectionError = "log.test-collection-error";
    public const string ModuleMissing = "log.module-missing";
    public const string TestToolingMissing = "log.test-tooling-missing";
    public const string DisplayUnavailable = "log.display-unavailable";
    public const string TestsTimedOutInLog = "log.tests-timed-out";
    public const string TestsModifiedTree = "log.tests-modified-tree";

    // Parsed test results.
    public const string FailToPassFailing = "tests.fail-to-pass-failing";
    public const string PassToPassFailing = "tests.pass-to-pass-failing";
    public const string SomeTestsPassed = "tests.some-passed";
    public const string AllTestsFailed = "tests.all-failed";
    public const string FormatOnlyMismatch = "tests.format-only-mismatch";
    public const string UnstatedExpectation = "tests.unstated-expectation";
    public const string SuiteErroredFast = "tests.suite-errored-fast";

    // The agent's trajectory.
    public const string TrajectoryMissing = "trajectory.missing";
    public const string Submitted = "trajectory.submitted";
    public const string BudgetExitStatus = "trajectory.budget-exit";
    public const string ContextExitStatus = "trajectory.context-exit";
    public const string FormatErrorExitStatus = "trajectory.format-error-exit";
    public const string ForfeitExitStatus = "trajectory.forfeit-exit";
    public const string ApiErrorExitStatus = "trajectory.api-error-exit";
    public const string EnvironmentErrorExitStatus = "trajectory.environment-error-exit";
    public const string GaveUpLanguage = "trajectory.gave-up-language";
    public const string HighToolErrorRate = "trajectory.high-tool-error-rate";
    public const string ApiKnowledgeErrors = "trajectory.api-knowledge-errors";
    public const string FewSteps = "trajectory.few-steps";
    public const string EmptySubmission = "trajectory.empty-submission";
    public const string StepLimitReached = "trajectory.step-limit-reached";
    public const string BudgetUsed = "trajectory.budget-used";

    // Gold solution visible to the agent.
    public const string GoldInInstruction = "leakage.gold-in-instruction";
    public const string GoldInObservation = "leakage.gold-in-observation";
    public const string SolutionFileAccessed = "leakage.solution-file-accessed";

    // Execution in a replica of the task environment.
    public const string GoldSolutionFailed = "sandbox.gold-solution-failed";
    public const string GoldSolutionPassed = "sandbox.gold-solution-passed";
    public const string NopPassed = "sandbox.nop-passed";
    public const string FlakyTests = "sandbox.flaky-tests";
    public const string StableFailure = "sandbox.stable-failure";
    public const string SandboxBroken = "sandbox.health-broken";
    public const string SandboxHealthy = "sandbox.health-ok";
    public const string SandboxUnavailable = "sandbox.unavailable";

    // What the agent judge cited for its verdict, checked against the files it names.
    public const string JudgeCited = "judge.cited";

    public static IReadOnlyList<SignalInfo> All { get; } =
    [
        new(TestsFailed, "tests ran against the agent's final state and at least one failed"),
        new(AgentTimeout, "the harness stopped the agent at its time limit"),
        new(AgentBudgetExhausted, "the harness stopped the agent at a step, token or cost limit"),
        new(ContextLengthExceeded, "the agent's conversation outgrew the model's context window"),
        new(AgentCrashed, "the agent process failed or exited non-zero"),
        new(AgentSetupFailed, "the agent could not be installed in the environment"),
        new(NoSubmission, "the agent submitted nothing"),
        new(PatchApplyFailed, "the agent's patch did not apply"),
        new(TestTimeout, "the task's tests exceeded their time limit"),
        new(TestOutputUnparsable, "the tests' output could not be parsed or graded"),
        new(VerifierFailed, "the verifier failed to produce a result"),
        new(EnvironmentSetupFailed, "the task environment could not be built or started"),
        new(Cancelled, "the trial was cancelled or killed from outside"),
        new(HarnessError, "the harness, sandbox provider or model endpoint raised an error"),
        new(HarnessInfraFlag, "the harness itself flagged the trial as an infrastructure failure"),
        new(OutcomeUnknown, "the harness recorded no usable outcome"),
        new(AgentKilled, "the agent process was killed by a signal (exit code 137: SIGKILL, often out of memory)"),
        new(OomKilled, "a process was killed for lack of memory"),
        new(ContainerUnavailable, "the container engine could not be reached or refused an operation"),
        new(NetworkUnreachable, "a network fetch failed (DNS, TLS, timeout, reset)"),
        new(ModelRateLimited, "the model provider rate-limited the agent or ran out of quota"),
        new(ModelContextExceeded, "the model endpoint rejected a request for exceeding its context"),
        new(ModelEndpointError, "the model endpoint failed (5xx, connection errors)"),
        new(HarnessException, "a traceback from the harness's own code"),
        new(ImageBuildFailed, "building the task image failed"),
        new(SandboxProviderError, "the remote sandbox provider reported an error"),
        new(TestCollectionError, "the test runner could not collect or import the tests"),
        new(ModuleMissing, "a module or package the code imports is not installed"),
        new(TestToolingMissing, "the test script's own tooling is missing from the environment"),
        new(DisplayUnavailable, "a browser or display the tests need is unavailable"),
        new(TestsTimedOutInLog, "the test log ends in a timeout message"),
        new(TestsModifiedTree, "running the tests changed the repository"),
        new(FailToPassFailing, "tests the fix should make pass still fail"),
        new(PassToPassFailing, "tests that passed before the agent's change now fail"),
        new(SomeTestsPassed, "part of the tests passed"),
        new(AllTestsFailed, "every test failed"),
        new(FormatOnlyMismatch, "a failing assertion differs only in whitespace, case or order"),
        new(UnstatedExpectation, "a failing test expects a name, path or format the instruction never states"),
        new(SuiteErroredFast, "the whole test suite errored within seconds, before any test logic ran"),
        new(TrajectoryMissing, "no trajectory or agent log is available"),
        new(Submitted, "the agent ended by submitting"),
        new(BudgetExitStatus, "the agent's exit status reports an exhausted cost, step or time budget"),
        new(ContextExitStatus, "the agent's exit status reports a context overflow"),
        new(FormatErrorExitStatus, "the agent ended on repeated malformed actions"),
        new(ForfeitExitStatus, "the agent forfeited"),
        new(ApiErrorExitStatus, "the agent ended on model API errors"),
        new(EnvironmentErrorExitStatus, "the agent ended on an environment error"),
        new(GaveUpLanguage, "the agent said it could not finish"),
        new(HighToolErrorRate, "a large share of the agent's commands failed"),
        new(ApiKnowledgeErrors, "repeated attribute, import or unknown-option errors"),
        new(FewSteps, "the agent stopped after very few steps"),
        new(EmptySubmission, "the agent's final submission is empty"),
        new(StepLimitReached, "the agent used every step it was allowed"),
        new(BudgetUsed, "how much of its time, step and cost budget the agent used"),
        new(GoldInInstruction, "the instruction contains the reference solution"),
        new(GoldInObservation, "the agent saw the reference solution in an observation"),
        new(SolutionFileAccessed, "the agent read the task's solution file"),
        new(GoldSolutionFailed, "the task's own solution fails the task's tests in a replica"),
        new(GoldSolutionPassed, "the task's own solution passes the task's tests in a replica"),
        new(NopPassed, "the tests pass on the untouched environment"),
        new(FlakyTests, "re-running the tests on the same state gave different results"),
        new(StableFailure, "re-running the tests on the agent's state failed every time"),
        new(SandboxBroken, "the environment itself is broken (no shell, no /bin, disk full)"),
        new(SandboxHealthy, "the environment's shell, filesystem and disk are healthy"),
        new(SandboxUnavailable, "no replica of the environment could be made"),
        new(JudgeCited, "a file span, trajectory step or command the agent judge cited, checked to exist"),
    ];
}
