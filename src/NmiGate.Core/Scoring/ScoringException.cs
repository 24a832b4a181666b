using System.Globalization;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Scoring;

/// <summary>
/// An expected scoring failure caused by the model or the data, never by a bug: the message says
/// what is wrong, where (file, line, column, id) and how to fix it.
/// </summary>
/// <remarks>
/// Codes (constants in <see cref="ScoringErrorCodes"/>):
/// <list type="table">
/// <item><term>NMIG3001</term><description>model file not found</description></item>
/// <item><term>NMIG3002</term><description>not an ML.NET model, or corrupted / truncated</description></item>
/// <item><term>NMIG3003</term><description>data file not found</description></item>
/// <item><term>NMIG3004</term><description>data file empty (no header)</description></item>
/// <item><term>NMIG3005</term><description>header but no data rows</description></item>
/// <item><term>NMIG3006</term><description>id column missing from the header</description></item>
/// <item><term>NMIG3007</term><description>model input column (or column-map entry) missing from the header</description></item>
/// <item><term>NMIG3008</term><description>non-numeric or empty value where the model reads a number</description></item>
/// <item><term>NMIG3009</term><description>ragged row (field count differs from the header) or malformed quoting</description></item>
/// <item><term>NMIG3010</term><description>duplicate id</description></item>
/// <item><term>NMIG3011</term><description>empty id</description></item>
/// <item><term>NMIG3012</term><description>rows assigned to no cluster (predicted key 0)</description></item>
/// <item><term>NMIG3013</term><description>predicted column missing or not a cluster key</description></item>
/// <item><term>NMIG3014</term><description>model input cannot be built from the data (no input description, type or size mismatch)</description></item>
/// <item><term>NMIG3015</term><description>the model's stored loader reads the file differently from its header</description></item>
/// <item><term>NMIG3016</term><description>a line starting with <c>//</c>, which ML.NET would skip silently</description></item>
/// <item><term>NMIG3017</term><description>duplicate column name in the header</description></item>
/// <item><term>NMIG3018</term><description>separator not inferable from the file extension</description></item>
/// </list>
/// The same numbers are <see cref="Diagnostics.DiagnosticCode"/> values (see <see cref="DiagnosticCode"/>).
/// </remarks>
public sealed class ScoringException : NmiGateException
{
    /// <summary>Creates a coded scoring error.</summary>
    public ScoringException(string code, string message, string filePath, long? line = null, string? column = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        FilePath = filePath;
        Line = line;
        Column = column;
    }

    /// <summary>The stable error code, one of <see cref="ScoringErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The code as a <see cref="Diagnostics.DiagnosticCode"/> (<c>NMIG3001</c> is <see cref="DiagnosticCode.ModelFileNotFound"/>).</summary>
    public DiagnosticCode DiagnosticCode => (DiagnosticCode)int.Parse(Code.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The file the error is about (the model or the data file).</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line in <see cref="FilePath"/>, when the error is about one line.</summary>
    public long? Line { get; }

    /// <summary>The data column the error is about, when there is one.</summary>
    public string? Column { get; }

    /// <summary>
    /// <c>file(line,1): error NMIG30xx: message</c>, or <c>file: error NMIG30xx: message</c> without a
    /// line. The message already opens with the file (and line) for readers of <see cref="Exception.Message"/>;
    /// that prefix is moved into the compiler-shaped location rather than repeated.
    /// </summary>
    public override IReadOnlyList<string> FormatLines()
    {
        var message = Message;
        if (message.StartsWith(FilePath, StringComparison.Ordinal))
        {
            var rest = message.AsSpan(FilePath.Length);
            var colon = rest.IndexOf(": ", StringComparison.Ordinal);
            if (colon == 0 || (colon > 0 && rest[0] == '(' && rest[colon - 1] == ')'))
            {
                message = rest[(colon + 2)..].ToString();
            }
        }

        var location = Line is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"{FilePath}({line},1)")
            : FilePath;
        return [$"{location}: error {Code}: {message}"];
    }
}
