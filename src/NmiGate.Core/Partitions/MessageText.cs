using System.Text;

namespace NmiGate.Core.Partitions;

/// <summary>Puts values from untrusted files into one-line messages safely.</summary>
internal static class MessageText
{
    private const int MaxLength = 60;

    /// <summary>
    /// The value in single quotes, control characters (line breaks, tabs) escaped and anything past
    /// 60 characters elided, so an id can never break or flood the one-line error.
    /// </summary>
    public static string Quote(ReadOnlySpan<char> value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 8).Append('\'');
        foreach (var c in value[..Math.Min(value.Length, MaxLength)])
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        if (value.Length > MaxLength)
        {
            text.Append("...");
        }

        return text.Append('\'').ToString();
    }
}
