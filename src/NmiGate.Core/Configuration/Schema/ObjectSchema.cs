using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration.Schema;

/// <summary>A mapping with a fixed set of keys; any other key is an error.</summary>
/// <param name="Keys">The declared keys, in documentation order.</param>
/// <param name="UnknownKeyCode">The code for an undeclared key (<see cref="DiagnosticCode.UnknownName"/> for the metric names under <c>thresholds</c>).</param>
/// <param name="KeyNoun">How messages call a key here ("key", "metric").</param>
internal sealed record ObjectSchema(
    IReadOnlyList<KeySchema> Keys,
    DiagnosticCode UnknownKeyCode = DiagnosticCode.UnknownKey,
    string KeyNoun = "key")
    : SchemaNode("a mapping")
{
    /// <summary>When present, the mapping must set at least one of these keys (e.g. <c>fail-below</c> or <c>warn-below</c>).</summary>
    public IReadOnlyList<string>? RequireAnyOf { get; init; }

    /// <summary>When present, the mapping must hold at least this many keys (e.g. one metric under <c>thresholds</c>).</summary>
    public int MinKeys { get; init; }

    /// <summary>The declaration of <paramref name="name"/>, or <see langword="null"/>.</summary>
    public KeySchema? Find(string name) => Keys.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));
}
