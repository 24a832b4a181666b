namespace NmiGate.MSBuild;

/// <summary>How a <see cref="BuildMessage"/> is logged.</summary>
internal enum BuildMessageKind
{
    /// <summary>A high-importance message (the verdict line).</summary>
    Summary,

    /// <summary>A normal-importance message (one line per rule).</summary>
    Detail,

    /// <summary>An MSBuild warning.</summary>
    Warning,

    /// <summary>An MSBuild error.</summary>
    Error,
}

/// <summary>
/// One thing the gate tells MSBuild, with the position an IDE or a problem matcher points at
/// (<c>file(line,col): error NMIGxxxx: text</c>). Stored in the verdict stamp and replayed as is.
/// </summary>
/// <param name="Kind">Error, warning or message.</param>
/// <param name="Code">The <c>NMIG</c> code, or null for messages and uncoded input errors.</param>
/// <param name="File">The file at fault (usually <c>nmigate.yml</c>), or null.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Text">The message, without location or code.</param>
/// <param name="HelpLink">Where the code is explained, or null.</param>
internal sealed record BuildMessage(BuildMessageKind Kind, string? Code, string? File, int Line, int Column, string Text, string? HelpLink = null);
