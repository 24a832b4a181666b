using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Gating;

/// <summary>
/// One coded statement about a gate check: a rule that failed or warned, a rule that could not apply,
/// a slice too small to judge, or a reason the gate could not evaluate.
/// </summary>
/// <param name="Code">The stable code (<c>NMIG2xxx</c>), documented in <c>docs/diagnostics.md</c>.</param>
/// <param name="Severity">Error, warning or notice.</param>
/// <param name="Message">What happened, with the value, interval, threshold and reference version.</param>
/// <param name="Location">The <c>nmigate.yml</c> key (or host override) that set the rule, so hosts can point at it.</param>
public sealed record Finding(DiagnosticCode Code, FindingSeverity Severity, string Message, ValueSource Location)
{
    /// <summary>Whether the finding means the gate could not be evaluated at all (no rows, a NaN metric, no rule).</summary>
    public bool IsCannotEvaluate => Code is DiagnosticCode.NoRowsToEvaluate or DiagnosticCode.MetricNotANumber or DiagnosticCode.NoRuleEvaluated;

    /// <summary>The severity as compilers print it: <c>error</c>, <c>warning</c> or <c>notice</c>.</summary>
    public string SeverityWord => Severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>
    /// The compiler shape hosts print: <c>nmigate.yml(12,3): error NMIG2001: message</c>; for a value
    /// from an override or a default, <paramref name="configurationFile"/> or the override's origin without a position.
    /// </summary>
    public string Format(string configurationFile)
    {
        var where = Location.Origin switch
        {
            ValueOrigin.File when Location.Line > 0 => string.Create(CultureInfo.InvariantCulture, $"{Location.File}({Location.Line},{Math.Max(Location.Column, 1)})"),
            ValueOrigin.File => Location.File ?? configurationFile,
            ValueOrigin.Override => Location.File ?? configurationFile,
            _ => configurationFile,
        };
        return $"{where}: {SeverityWord} {Code.ToCodeString()}: {Message}";
    }
}
