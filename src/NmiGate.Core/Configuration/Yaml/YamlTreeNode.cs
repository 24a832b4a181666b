namespace NmiGate.Core.Configuration.Yaml;

/// <summary>
/// A node of the small YAML tree the strict reader builds from YamlDotNet's parser events. Unlike
/// YamlDotNet's representation model it keeps duplicate keys (to report them all rather than stop at
/// the first) and never expands aliases.
/// </summary>
/// <param name="Line">1-based line of the node's first character.</param>
/// <param name="Column">1-based column of the node's first character.</param>
internal abstract record YamlTreeNode(int Line, int Column)
{
    /// <summary>How messages name this kind of node ("a mapping", "a list", "the text `x`").</summary>
    public abstract string Describe();
}

/// <summary>A scalar with its text and whether it was plain (unquoted), which decides its YAML type.</summary>
internal sealed record YamlTreeScalar(string Value, bool IsPlain, int Line, int Column) : YamlTreeNode(Line, Column)
{
    /// <inheritdoc />
    public override string Describe() => IsPlain && Value.Length == 0 ? "nothing (null)" : $"`{Value}`";
}

/// <summary>A mapping, with its entries in file order (duplicates included).</summary>
internal sealed record YamlTreeMapping(IReadOnlyList<YamlTreeEntry> Entries, int Line, int Column) : YamlTreeNode(Line, Column)
{
    /// <inheritdoc />
    public override string Describe() => "a mapping";
}

/// <summary>A sequence.</summary>
internal sealed record YamlTreeSequence(IReadOnlyList<YamlTreeNode> Items, int Line, int Column) : YamlTreeNode(Line, Column)
{
    /// <inheritdoc />
    public override string Describe() => "a list";
}

/// <summary>A node the reader refused (an alias, a tagged or too deeply nested node); its problem is already reported.</summary>
internal sealed record YamlTreeRejected(int Line, int Column) : YamlTreeNode(Line, Column)
{
    /// <inheritdoc />
    public override string Describe() => "an unsupported node";
}

/// <summary>One key and its value.</summary>
internal readonly record struct YamlTreeEntry(YamlTreeNode Key, YamlTreeNode Value);
