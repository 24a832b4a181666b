using System.Globalization;

namespace NmiGate.Core.Configuration;

/// <summary>
/// Where a configuration value came from, so that any later finding about it (a missing column,
/// an unreadable model) can point at the <c>nmigate.yml</c> line or at the host override that set it.
/// </summary>
/// <param name="Origin">The precedence layer.</param>
/// <param name="File">For <see cref="ValueOrigin.File"/>, the configuration file's full path; for an override, its origin (e.g. <c>command line</c>).</param>
/// <param name="Line">1-based line in <paramref name="File"/>; 0 for defaults and overrides.</param>
/// <param name="Column">1-based column; 0 for defaults and overrides.</param>
public sealed record ValueSource(ValueOrigin Origin, string? File, int Line, int Column)
{
    /// <summary>The built-in default.</summary>
    public static ValueSource Default { get; } = new(ValueOrigin.Default, null, 0, 0);

    /// <summary>A position in a configuration file.</summary>
    public static ValueSource InFile(string file, int line, int column) => new(ValueOrigin.File, file, line, column);

    /// <summary>A host override, named by its origin (e.g. <c>command line</c>, <c>MSBuild</c>).</summary>
    public static ValueSource Override(string origin) => new(ValueOrigin.Override, origin, 0, 0);

    /// <summary><c>path(line,col)</c>, <c>override (origin)</c> or <c>default</c>.</summary>
    public override string ToString() => Origin switch
    {
        ValueOrigin.File => string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column})"),
        ValueOrigin.Override => $"override ({File})",
        _ => "default",
    };
}
