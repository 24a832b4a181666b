using System.Globalization;

namespace NmiGate.Core.Registry;

/// <summary>Version names: <c>v</c> then a number from 1 without leading zeros (<c>v1</c>, <c>v10</c>), or <c>latest</c>.</summary>
internal static class VersionSpec
{
    /// <summary>The spec that resolves to the newest version.</summary>
    public const string Latest = "latest";

    /// <summary>Nine digits at most: a version number always fits an <see cref="int"/>.</summary>
    private const int MaxDigits = 9;

    public static string Format(int number) => "v" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>vN</c>; false for anything else (<c>v0</c>, <c>v01</c>, <c>V1</c>, <c>../v1</c>).</summary>
    public static bool TryParse(string? name, out int number)
    {
        number = 0;
        if (name is null || name.Length < 2 || name.Length > MaxDigits + 1 || name[0] != 'v' || name[1] == '0')
        {
            return false;
        }

        foreach (var c in name.AsSpan(1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        number = int.Parse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
