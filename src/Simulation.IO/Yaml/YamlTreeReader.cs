using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulation.IO.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlNode"/> tree with positions, from YamlDotNet's event
/// parser, so that duplicate keys, aliases and depth are under our control rather than the deserializer's.
/// </summary>
public static class YamlTreeReader
{
    /// <summary>Deeper documents are refused: no scenario needs more than a few levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses <paramref name="text"/>; null for an empty document. Throws <see cref="YamlSyntaxException"/>.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="source">File name (or command-line option) for positions.</param>
    /// <param name="commandLine">True for a value typed on the command line: positions then name only the source.</param>
    public static YamlNode? Read(string text, string source, bool commandLine = false)
    {
        t_commandLine = commandLine;
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }
            parser.Consume<DocumentStart>();
            YamlNode root = ReadNode(parser, source, anchors, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new YamlSyntaxException(PositionOf(parser.Current!.Start, source),
                    "a scenario file holds one YAML document; remove the second '---' and what follows");
            }
            return root is YamlScalar { IsNull: true } ? null : root;
        }
        catch (YamlException exception) when (exception is not null)
        {
            throw new YamlSyntaxException(PositionOf(exception.Start, source), "not valid YAML: " + Clean(exception.Message)
                + "; check the indentation, colons and quotes here");
        }
    }

    private static YamlNode ReadNode(IParser parser, string source, Dictionary<string, YamlNode> anchors, int depth)
    {
        ParsingEvent current = parser.Current ?? throw new YamlSyntaxException(new SourcePosition(source, 1, 1), "unexpected end of file");
        var position = PositionOf(current.Start, source);
        if (depth > MaxDepth)
        {
            throw new YamlSyntaxException(position, $"nested more than {MaxDepth} levels deep; a scenario needs at most 4");
        }
        YamlNode node;
        string? anchor = null;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new YamlSyntaxException(position, $"alias *{alias.Value.Value} names no anchor defined before it");
                }
                return target;
            case Scalar scalar:
                parser.MoveNext();
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                node = new YamlScalar(position, scalar.Value, scalar.Style is not ScalarStyle.Plain);
                break;
            case SequenceStart sequenceStart:
                parser.MoveNext();
                anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, source, anchors, depth + 1));
                }
                node = new YamlSequence(position, items);
                break;
            case MappingStart mappingStart:
                parser.MoveNext();
                anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    YamlNode key = ReadNode(parser, source, anchors, depth + 1);
                    if (key is not YamlScalar scalarKey)
                    {
                        throw new YamlSyntaxException(key.Position, "a key must be a plain name, not a list or mapping");
                    }
                    entries.Add(new(scalarKey, ReadNode(parser, source, anchors, depth + 1)));
                }
                node = new YamlMapping(position, entries);
                break;
            default:
                throw new YamlSyntaxException(position, $"unexpected {current.GetType().Name}");
        }
        if (anchor is not null)
        {
            anchors[anchor] = node;
        }
        return node;
    }

    [ThreadStatic]
    private static bool t_commandLine;

    private static SourcePosition PositionOf(Mark mark, string source) => t_commandLine
        ? new(source, 0, 0)
        : new(source, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: ..) - (Line: ...): "; our position already says it.
        int cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        string text = cut >= 0 ? message[(cut + 3)..] : message;
        return text.TrimEnd('.');
    }
}
