using TriageCI.Core.Judges.Agent.Answers;
using TriageCI.Core.Taxonomy;

namespace TriageCI.Core.Tests.AgentJudge;

public class VerdictAnswerParserTests
{
    [Fact]
    public void A_valid_answer_is_parsed_with_its_citations()
    {
        var check = VerdictAnswerParser.Parse("""
            {"class":"task-defect/brittle-tests","confidence":0.82,"rationale":"Only case differs.",
             "evidence":[{"kind":"file","path":"a/b.txt","start_line":3,"end_line":4,"note":"assert"},{"kind":"probe","signal":"tests.format-only-mismatch"},{"kind":"trajectory","step":7}]}
            """);

        Assert.True(check.IsValid);
        Assert.Equal(FailureClass.BrittleTests, check.Answer!.Class!.Class);
        Assert.Equal(0.82, check.Answer.Confidence);
        Assert.Equal(["file", "probe", "trajectory"], check.Answer.Citations.Select(c => c.Kind));
        Assert.Equal((3, 4), (check.Answer.Citations[0].StartLine, check.Answer.Citations[0].EndLine));
    }

    [Fact]
    public void A_markdown_code_fence_around_the_object_is_tolerated()
    {
        var check = VerdictAnswerParser.Parse("```json\n{\"class\":\"undetermined\",\"leaning\":\"timeout\",\"confidence\":0.3,\"rationale\":\"thin\",\"evidence\":[]}\n```");

        Assert.True(check.IsValid);
        Assert.Null(check.Answer!.Class);
        Assert.Equal(FailureClass.Timeout, check.Answer.Leaning);
    }

    [Theory]
    [InlineData("I think it is infra: {\"class\":\"infrastructure/infra-failure\",\"confidence\":0.9,\"rationale\":\"x\",\"evidence\":[]}", "not one JSON object")]
    [InlineData("{\"class\":\"infra-failure\",\"confidence\":0.9,\"rationale\":\"x\",\"evidence\":[]}", "'class' is 'infra-failure'")]
    [InlineData("{\"class\":\"agent-error/timeout\",\"confidence\":1.5,\"rationale\":\"x\",\"evidence\":[]}", "'confidence'")]
    [InlineData("{\"class\":\"agent-error/timeout\",\"confidence\":0.5,\"rationale\":\"\",\"evidence\":[]}", "'rationale'")]
    [InlineData("{\"class\":\"agent-error/timeout\",\"confidence\":0.5,\"rationale\":\"x\"}", "'evidence' is required")]
    [InlineData("{\"class\":\"agent-error/timeout\",\"confidence\":0.5,\"rationale\":\"x\",\"evidence\":[{\"kind\":\"file\"}]}", "needs 'path'")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("", "empty")]
    public void An_invalid_answer_says_what_is_wrong(string message, string problem)
    {
        var check = VerdictAnswerParser.Parse(message);

        Assert.False(check.IsValid);
        Assert.Contains(check.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }
}
