using System.Text.Json.Nodes;

namespace TriageCI.Llm.Tests.Wire;

/// <summary>Compares JSON documents structurally, printing both sides when they differ.</summary>
internal static class WireJson
{
    public static void Equal(string expected, string actual)
    {
        var left = JsonNode.Parse(expected);
        var right = JsonNode.Parse(actual);
        if (!JsonNode.DeepEquals(left, right))
        {
            Assert.Fail($"JSON differs.\nexpected: {left?.ToJsonString()}\nactual:   {right?.ToJsonString()}");
        }
    }
}
