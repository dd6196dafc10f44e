using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulation.IO.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlNode"/> tree with positions, from YamlDotNet's event
/// parser, so that duplicate keys, aliases and depth are under our control rather than the deserializer's.
/// Aliases share the anchored node instead of copying it, so alias bombs cost no memory.
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
        var context = new Context(source, commandLine);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }
            parser.Consume<DocumentStart>();
            YamlNode root = ReadNode(parser, context, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new YamlSyntaxException(context.PositionOf(parser.Current!.Start),
                    "a scenario file holds one YAML document; remove the second '---' and what follows");
            }
            return root is YamlScalar { IsNull: true } ? null : root;
        }
        catch (YamlException exception) when (!commandLine && exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndentation(text) is { } tab)
        {
            // YamlDotNet reports where the mapping began (often 1:1); the reader needs the tab itself.
            throw new YamlSyntaxException(new SourcePosition(source, tab.Line, tab.Column),
                "a tab is used to indent; YAML indents with spaces only: replace the tab with spaces");
        }
        catch (YamlException exception)
        {
            throw new YamlSyntaxException(context.PositionOf(exception.Start), "not valid YAML: " + Clean(exception.Message)
                + "; check the indentation, colons and quotes here");
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet fails this way on some malformed text instead of raising a YamlException.
            throw new YamlSyntaxException(context.PositionOf(context.Last),
                "not valid YAML after this point; check the indentation, colons, quotes and any tabs or unusual characters");
        }
    }

    // The first tab among a line's leading blanks, as (line, column) counted from 1.
    private static (int Line, int Column)? TabIndentation(string text)
    {
        string[] lines = text.Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            for (int c = 0; c < lines[l].Length && lines[l][c] is ' ' or '\t'; c++)
            {
                if (lines[l][c] == '\t')
                {
                    return (l + 1, c + 1);
                }
            }
        }
        return null;
    }

    private static YamlNode ReadNode(IParser parser, Context context, int depth)
    {
        ParsingEvent current = parser.Current ?? throw new YamlSyntaxException(context.PositionOf(context.Last), "unexpected end of file");
        context.Last = current.Start;
        var position = context.PositionOf(current.Start);
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
                if (!context.Anchors.TryGetValue(alias.Value.Value, out var target))
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
                    items.Add(ReadNode(parser, context, depth + 1));
                }
                node = new YamlSequence(position, items);
                break;
            case MappingStart mappingStart:
                parser.MoveNext();
                anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    YamlNode key = ReadNode(parser, context, depth + 1);
                    if (key is not YamlScalar scalarKey)
                    {
                        throw new YamlSyntaxException(key.Position, "a key must be a plain name, not a list or mapping");
                    }
                    entries.Add(new(scalarKey, ReadNode(parser, context, depth + 1)));
                }
                node = new YamlMapping(position, entries);
                break;
            default:
                throw new YamlSyntaxException(position, $"unexpected {current.GetType().Name}");
        }
        if (anchor is not null)
        {
            context.Anchors[anchor] = node;
        }
        return node;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: ..) - (Line: ...): "; our position already says it.
        int cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        string text = cut >= 0 ? message[(cut + 3)..] : message;
        return text.TrimEnd('.');
    }

    private sealed class Context(string source, bool commandLine)
    {
        public Dictionary<string, YamlNode> Anchors { get; } = new(StringComparer.Ordinal);

        public Mark Last { get; set; } = Mark.Empty;

        public SourcePosition PositionOf(Mark mark) => commandLine
            ? new(source, 0, 0)
            : new(source, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
    }
}
