using NmiGate.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NmiGate.Core.Configuration.Yaml;

/// <summary>
/// Builds a <see cref="YamlTreeNode"/> from untrusted text with YamlDotNet's event parser, refusing what
/// a configuration file never needs and an attacker could abuse: aliases (the "billion laughs"
/// expansion), explicit tags (type coercion), several documents, complex keys and deep nesting.
/// </summary>
internal sealed class YamlTreeReader
{
    /// <summary>Deeper nesting than any configuration needs; deeper subtrees are skipped without recursion.</summary>
    internal const int MaxDepth = 32;

    private readonly string file;
    private readonly List<ConfigurationProblem> problems;
    private readonly Parser parser;

    private YamlTreeReader(string text, string file, List<ConfigurationProblem> problems)
    {
        this.file = file;
        this.problems = problems;
        parser = new Parser(new StringReader(text));
    }

    /// <summary>
    /// The document's root, or <see langword="null"/> when the text holds no document, is not
    /// well-formed YAML or nests too deeply (a problem is then added).
    /// </summary>
    public static YamlTreeNode? Read(string text, string file, List<ConfigurationProblem> problems)
    {
        var reader = new YamlTreeReader(text, file, problems);
        try
        {
            return reader.ReadStream();
        }
        catch (TooDeepException)
        {
            return null;
        }
        catch (YamlException error)
        {
            problems.Add(new(DiagnosticCode.YamlSyntax, file, (int)error.Start.Line, (int)error.Start.Column, $"YAML syntax error: {TrimLocation(error.Message)}"));
            return null;
        }
    }

    private YamlTreeNode? ReadStream()
    {
        parser.MoveNext(); // StreamStart
        parser.MoveNext();
        if (parser.Current is not DocumentStart)
        {
            return null;
        }

        parser.MoveNext();
        var root = ReadNode(0);
        parser.MoveNext(); // past DocumentEnd
        if (parser.Current is DocumentStart second)
        {
            Report(DiagnosticCode.UnsupportedYamlFeature, second.Start, "a second YAML document (`---`); nmigate.yml holds exactly one document");
        }

        return root;
    }

    /// <summary>Reads the node at the current event and leaves the parser on the event after it.</summary>
    private YamlTreeNode ReadNode(int depth)
    {
        var current = parser.Current!;
        if (current is AnchorAlias alias)
        {
            Report(DiagnosticCode.UnsupportedYamlFeature, alias.Start, $"alias `*{alias.Value}` is not supported (aliases can expand without bound); repeat the value instead");
            parser.MoveNext();
            return new YamlTreeRejected((int)alias.Start.Line, (int)alias.Start.Column);
        }

        var node = (NodeEvent)current;
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
        {
            Report(DiagnosticCode.UnsupportedYamlFeature, node.Start, $"explicit tag `{node.Tag}` is not supported; write the value plainly (quote it to make it text)");
            return Skip(node);
        }

        if (depth >= MaxDepth && node is not Scalar)
        {
            // Stop reading: skipping the subtree would still make the parser walk all of it.
            Report(DiagnosticCode.UnsupportedYamlFeature, node.Start, $"nesting deeper than {MaxDepth} levels; the rest of the file was not read");
            throw new TooDeepException();
        }

        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        switch (node)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlTreeScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column);
            case SequenceStart:
                {
                    parser.MoveNext();
                    var items = new List<YamlTreeNode>();
                    while (parser.Current is not SequenceEnd)
                    {
                        items.Add(ReadNode(depth + 1));
                    }

                    parser.MoveNext();
                    return new YamlTreeSequence(items, line, column);
                }

            case MappingStart:
                {
                    parser.MoveNext();
                    var entries = new List<YamlTreeEntry>();
                    while (parser.Current is not MappingEnd)
                    {
                        var keyEvent = parser.Current!;
                        var key = ReadNode(depth + 1);
                        if (key is YamlTreeMapping or YamlTreeSequence)
                        {
                            Report(DiagnosticCode.UnsupportedYamlFeature, keyEvent.Start, "a complex (non-text) key; keys are plain names");
                            key = new YamlTreeRejected(key.Line, key.Column);
                        }

                        entries.Add(new(key, ReadNode(depth + 1)));
                    }

                    parser.MoveNext();
                    return new YamlTreeMapping(entries, line, column);
                }

            default:
                throw new InvalidOperationException($"Unexpected YAML event {node.GetType().Name} at {node.Start}.");
        }
    }

    /// <summary>Skips the node at the current event, however deep, without recursing.</summary>
    private YamlTreeRejected Skip(ParsingEvent start)
    {
        var level = 0;
        do
        {
            level += parser.Current!.NestingIncrease;
            parser.MoveNext();
        }
        while (level > 0);

        return new YamlTreeRejected((int)start.Start.Line, (int)start.Start.Column);
    }

    private void Report(DiagnosticCode code, Mark at, string message) =>
        problems.Add(new(code, file, (int)at.Line, (int)at.Column, message));

    /// <summary>Unwinds the reader when nesting exceeds <see cref="MaxDepth"/>.</summary>
    private sealed class TooDeepException : Exception
    {
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the problem carries the location itself.</summary>
    private static string TrimLocation(string message)
    {
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && end >= 0 ? message[(end + 3)..] : message;
    }
}
