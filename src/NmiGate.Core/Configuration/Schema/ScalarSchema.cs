using System.Globalization;
using System.Text.RegularExpressions;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration.Schema;

/// <summary>
/// A scalar value and its constraints. <see cref="Check"/> applies them to a typed value, whichever
/// layer it came from (file or override), so a bad override is reported like a bad key.
/// </summary>
/// <param name="Kind">The value's type.</param>
internal sealed record ScalarSchema(ScalarKind Kind) : SchemaNode(ExpectedFor(Kind))
{
    /// <summary>Smallest allowed number (inclusive).</summary>
    public double? Minimum { get; init; }

    /// <summary>Largest allowed number (inclusive).</summary>
    public double? Maximum { get; init; }

    /// <summary>The only allowed whole number (e.g. <c>version: 1</c>).</summary>
    public long? Const { get; init; }

    /// <summary>The code for a value other than <see cref="Const"/>.</summary>
    public DiagnosticCode ConstCode { get; init; } = DiagnosticCode.InvalidValue;

    /// <summary>The allowed texts, or <see langword="null"/> for any.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>How messages call a value here ("average method").</summary>
    public string ValueNoun { get; init; } = "value";

    /// <summary>An anchored regular expression the text must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>The code for text that does not match <see cref="Pattern"/>.</summary>
    public DiagnosticCode PatternCode { get; init; } = DiagnosticCode.InvalidValue;

    /// <summary>Says, in words, what <see cref="Pattern"/> accepts.</summary>
    public string? PatternHint { get; init; }

    /// <summary>Fewest characters.</summary>
    public int? MinLength { get; init; }

    /// <summary>Most characters.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Every constraint <paramref name="value"/> breaks (an already typed value: string, long or double).</summary>
    public IEnumerable<SchemaViolation> Check(object value)
    {
        switch (value)
        {
            case long whole:
                if (Const is { } constant && whole != constant)
                {
                    yield return new(ConstCode, string.Create(CultureInfo.InvariantCulture, $"{whole} is not supported; expected {constant}"));
                }

                foreach (var violation in CheckRange(whole))
                {
                    yield return violation;
                }

                break;
            case double number:
                foreach (var violation in CheckRange(number))
                {
                    yield return violation;
                }

                break;
            case string text:
                if (MinLength is { } min && text.Length < min)
                {
                    yield return new(DiagnosticCode.InvalidValue, min == 1 ? "expected a non-empty text" : string.Create(CultureInfo.InvariantCulture, $"expected at least {min} characters"));
                }
                else if (MaxLength is { } max && text.Length > max)
                {
                    yield return new(DiagnosticCode.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"`{text}` has {text.Length} characters; expected at most {max}"));
                }

                if (Allowed is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
                {
                    yield return new(
                        DiagnosticCode.UnknownName,
                        $"unknown {ValueNoun} `{text}`; expected one of: {string.Join(", ", allowed)}",
                        Suggestions.Closest(text, allowed));
                }

                if (Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    yield return new(PatternCode, $"`{text}` is not valid; expected {PatternHint ?? pattern}");
                }

                break;
            default:
                throw new ArgumentException($"Unexpected value type {value.GetType()}.", nameof(value));
        }
    }

    private IEnumerable<SchemaViolation> CheckRange(double value)
    {
        if (!double.IsFinite(value))
        {
            yield return new(DiagnosticCode.OutOfRange, "expected a finite number");
        }
        else if ((Minimum is { } min && value < min) || (Maximum is { } max && value > max))
        {
            var expected = (Minimum, Maximum) switch
            {
                ({ } low, { } high) => string.Create(CultureInfo.InvariantCulture, $"a value in [{low}, {high}]"),
                ({ } low, null) => string.Create(CultureInfo.InvariantCulture, $"a value of at least {low}"),
                (null, var high) => string.Create(CultureInfo.InvariantCulture, $"a value of at most {high}"),
            };
            yield return new(DiagnosticCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"{value} is out of range; expected {expected}"));
        }
    }

    private static string ExpectedFor(ScalarKind kind) => kind switch
    {
        ScalarKind.WholeNumber => "a whole number",
        ScalarKind.Number => "a number",
        ScalarKind.Path => "a path",
        _ => "a text",
    };
}
