using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Workflows;

/// <summary>A workflow file read back with YamlDotNet's parser, with short paths into it for assertions.</summary>
internal sealed class ParsedWorkflow
{
    private ParsedWorkflow(YamlMappingNode root)
    {
        Root = root;
    }

    public YamlMappingNode Root { get; }

    public static ParsedWorkflow Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Assert.Single(stream.Documents);
        return new ParsedWorkflow(Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode));
    }

    /// <summary>The node at a path of keys (and list indexes as numbers), or null when any part is missing.</summary>
    public YamlNode? Find(params object[] path)
    {
        YamlNode? node = Root;
        foreach (var part in path)
        {
            node = (node, part) switch
            {
                (YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null,
                (YamlSequenceNode list, int index) => index < list.Children.Count ? list.Children[index] : null,
                _ => null,
            };
        }

        return node;
    }

    public string? Text(params object[] path) => (Find(path) as YamlScalarNode)?.Value;

    public IReadOnlyList<string> Strings(params object[] path) =>
        Find(path) is YamlSequenceNode list ? [.. list.Children.Select(c => ((YamlScalarNode)c).Value!)] : [];

    public IReadOnlyList<string> Keys(params object[] path) =>
        Find(path) is YamlMappingNode map ? [.. map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)] : [];

    public IReadOnlyList<YamlMappingNode> Steps(string job) =>
        Find("jobs", job, "steps") is YamlSequenceNode steps ? [.. steps.Children.Cast<YamlMappingNode>()] : [];

    /// <summary>The step of a job that uses an action (by its name before '@') or runs a command.</summary>
    public YamlMappingNode? Step(string job, string usesOrRun) =>
        Steps(job).FirstOrDefault(s =>
            s.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && ((YamlScalarNode)uses).Value!.Split('@')[0] == usesOrRun
            || s.Children.TryGetValue(new YamlScalarNode("run"), out var run) && ((YamlScalarNode)run).Value == usesOrRun);

    public static string? Value(YamlMappingNode? map, params string[] path)
    {
        YamlNode? node = map;
        foreach (var key in path)
        {
            node = node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }

        return (node as YamlScalarNode)?.Value;
    }
}
