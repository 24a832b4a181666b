using System.Globalization;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Gating;

/// <summary>
/// A gate check that cannot run because of its inputs beyond scoring: a slice column missing from the
/// data file, a corrupted history line. Hosts print <see cref="FormatLines"/> and exit with
/// <see cref="ExitCode.CouldNotEvaluate"/>.
/// </summary>
public sealed class GateException : NmiGateException
{
    /// <summary>Creates the exception for a problem at <paramref name="file"/>, at a 1-based line and column when known (0 otherwise).</summary>
    public GateException(DiagnosticCode code, string file, int line, int column, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(file);
        Code = code;
        FilePath = file;
        Line = line;
        Column = column;
    }

    /// <summary>The code.</summary>
    public DiagnosticCode Code { get; }

    /// <summary>The file at fault (<c>nmigate.yml</c> for a slice column, <c>history.jsonl</c> for a history line).</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>The 1-based column; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The problem in the compiler shape: <c>path(line,col): error NMIG2xxx: message</c>.</summary>
    public override IReadOnlyList<string> FormatLines() =>
    [
        Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{FilePath}({Line},{Math.Max(Column, 1)}): error {Code.ToCodeString()}: {Message}")
            : $"{FilePath}: error {Code.ToCodeString()}: {Message}",
    ];
}
