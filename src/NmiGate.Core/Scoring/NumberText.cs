using System.Globalization;

namespace NmiGate.Core.Scoring;

/// <summary>What counts as a number in a data file: what ML.NET's text loader reads as one.</summary>
internal static class NumberText
{
    /// <summary>
    /// Parses invariant-culture numbers ("1.5", "-2e3", "NaN", "Infinity", surrounding blanks) and
    /// ML.NET's missing-value marker "?" (as NaN). Empty text is not a number: ML.NET would read it
    /// as NaN silently.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        if (text.Trim() is "?")
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a number, without computing it: plain decimal notation
    /// (<c>-1.5e3</c>) is recognised in one scan, anything else goes to <see cref="TryParse"/>.
    /// Everything the scan accepts, <see cref="TryParse"/> accepts too.
    /// </summary>
    public static bool IsNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits > 0 && i < text.Length && text[i] is 'e' or 'E')
        {
            var exponentStart = ++i;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            var exponentDigits = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                i = exponentStart - 1; // not an exponent after all: let the full parser decide
            }
        }

        return (digits > 0 && i == text.Length) || TryParse(text, out _);
    }

    /// <summary>Whether trimmed text is a deliberate missing value ("?" or "NaN").</summary>
    public static bool IsExplicitMissing(ReadOnlySpan<char> trimmed) =>
        trimmed is "?" || trimmed.Equals("NaN", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a value ML.NET loaded equals the file's text. ML.NET has its own number parser, so
    /// the two may differ in the last bits; 1e-6 relative is far below any column mix-up.
    /// </summary>
    public static bool Agree(double loaded, double expected)
    {
        if (double.IsNaN(loaded) || double.IsNaN(expected))
        {
            return double.IsNaN(loaded) && double.IsNaN(expected);
        }

        if (loaded.Equals(expected))
        {
            return true;
        }

        return Math.Abs(loaded - expected) <= 1e-6 * Math.Max(1.0, Math.Abs(expected));
    }
}
