namespace NmiGate.Core.Diagnostics;

/// <summary>
/// The common base of every expected failure (bad configuration, input, model or registry): not a
/// bug, so a host prints <see cref="FormatLines"/> and exits with <see cref="ExitCode.CouldNotEvaluate"/>.
/// Hosts catch this one type instead of one per area.
/// </summary>
public abstract class NmiGateException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    protected NmiGateException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Every problem as one line in the compiler shape, <c>file(line,col): error NMIGxxxx: message</c>
    /// where a code and position exist (<c>file: error NMIGxxxx: message</c> without a position).
    /// </summary>
    public abstract IReadOnlyList<string> FormatLines();
}
