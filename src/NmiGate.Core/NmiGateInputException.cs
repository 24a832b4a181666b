using System.Globalization;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core;

/// <summary>
/// Expected bad input (a missing file, a malformed row, ids that do not align): not a bug, so hosts
/// report <see cref="Describe"/> as one line and exit with <see cref="ExitCode.CouldNotEvaluate"/>.
/// The message says what is wrong and how to fix it; <see cref="FilePath"/> and <see cref="Line"/>
/// say where.
/// </summary>
public sealed class NmiGateInputException : NmiGateException
{
    /// <summary>Creates the exception for a problem in <paramref name="filePath"/>, at <paramref name="line"/> when known.</summary>
    public NmiGateInputException(string filePath, long? line, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        if (line is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, "Line numbers are 1-based.");
        }

        FilePath = filePath;
        Line = line;
    }

    /// <summary>The file at fault, as the user named it.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line at fault, or null when the problem concerns the whole file.</summary>
    public long? Line { get; }

    /// <summary>The compiler-style one-liner hosts print: <c>path:line: message</c>, or <c>path: message</c> without a line.</summary>
    public string Describe() => Line is { } line
        ? string.Create(CultureInfo.InvariantCulture, $"{FilePath}:{line}: {Message}")
        : $"{FilePath}: {Message}";

    /// <summary>The one line of <see cref="Describe"/>: input errors carry a file and line but no code.</summary>
    public override IReadOnlyList<string> FormatLines() => [Describe()];
}
