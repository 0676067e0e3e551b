using YamlDotNet.RepresentationModel;

namespace TriageCI.GitHub.Tests.Action;

/// <summary>The repository's <c>action.yml</c>, read as GitHub reads it: inputs and outputs in declaration order.</summary>
internal sealed class ActionDefinition
{
    private ActionDefinition(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public static string FilePath => Path.Combine(RepositoryPaths.Root, "action.yml");

    public IReadOnlyList<ActionInputEntry> Inputs => [.. Section("inputs").Select(e => new ActionInputEntry(
        Name(e.Key),
        Scalar(e.Value, "description") ?? string.Empty,
        Scalar(e.Value, "required") == "true",
        Scalar(e.Value, "default")))];

    public IReadOnlyList<(string Name, string Description)> Outputs =>
        [.. Section("outputs").Select(e => (Name(e.Key), Scalar(e.Value, "description") ?? string.Empty))];

    public static ActionDefinition Load()
    {
        using var reader = new StreamReader(FilePath);
        var stream = new YamlStream();
        stream.Load(reader);
        return new ActionDefinition((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Mapping(string key) => (YamlMappingNode)Root[new YamlScalarNode(key)];

    private IEnumerable<KeyValuePair<YamlNode, YamlNode>> Section(string key) => Mapping(key).Children;

    private static string Name(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static string? Scalar(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
