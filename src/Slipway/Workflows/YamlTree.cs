using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slipway.Workflows;

/// <summary>An ordered YAML mapping: keys keep the order they were added in, as a reader of the file expects.</summary>
internal sealed class YamlMap : List<KeyValuePair<string, object>>
{
    /// <summary>Written as <c>{}</c>: a trigger without filters.</summary>
    public static YamlMap Empty => [];

    public YamlMap Add(string key, object value)
    {
        Add(new KeyValuePair<string, object>(key, value));
        return this;
    }

    public YamlMap AddIf(bool condition, string key, Func<object> value) => condition ? Add(key, value()) : this;
}

/// <summary>A multi-line string written as a literal block (<c>|</c>), as shell scripts read best.</summary>
internal sealed record YamlLiteral(string Text);

/// <summary>
/// Writes a tree of <see cref="YamlMap"/>, lists, strings, numbers and booleans with YamlDotNet's emitter:
/// block style, indented sequences, no line folding, and strings quoted only where YAML would read them as
/// something else (<c>'true'</c>, <c>'0'</c>).
/// </summary>
internal static partial class YamlTree
{
    public static string Write(YamlMap root)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: true, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, object value)
    {
        switch (value)
        {
            case YamlMap map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, map.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, item) in map)
                {
                    // Keys are identifiers the generator chose; `on` stays plain, as every workflow spells it.
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            case IEnumerable<string> or IEnumerable<object> when value is not string:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var item in (System.Collections.IEnumerable)value)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlLiteral literal:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, literal.Text, ScalarStyle.Literal, isPlainImplicit: false, isQuotedImplicit: true));
                break;
            case bool flag:
                emitter.Emit(new Scalar(flag ? "true" : "false"));
                break;
            case int number:
                emitter.Emit(new Scalar(number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case string text:
                EmitString(emitter, text);
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} to YAML.", nameof(value));
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = text.Length == 0 || ReadsAsAnotherType().IsMatch(text) ? ScalarStyle.SingleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    /// <summary>Plain words YAML 1.1 or 1.2 reads as booleans, null or numbers.</summary>
    [GeneratedRegex(@"^(?:true|false|yes|no|y|n|on|off|null|~|[-+]?(?:\.?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+)|[-+]?\.inf|\.nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadsAsAnotherType();
}
