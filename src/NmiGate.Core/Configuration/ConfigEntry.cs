namespace NmiGate.Core.Configuration;

/// <summary>
/// One value in a <see cref="ConfigLayer"/>: text (<see cref="string"/>), a whole number (<see cref="long"/>),
/// a number (<see cref="double"/>), a list (<see cref="IReadOnlyList{T}"/> of entries), a map of user names
/// (<see cref="IReadOnlyList{T}"/> of name/entry pairs), a mapping inside a list or map (a nested
/// <see cref="ConfigLayer"/>), or <see cref="ConfigSection.Present"/> for a fixed-key mapping.
/// </summary>
/// <param name="Path">The dotted key path, e.g. <c>thresholds.nmi.fail-below</c>.</param>
/// <param name="Value">The typed value.</param>
/// <param name="Source">Where it came from.</param>
internal readonly record struct ConfigEntry(string Path, object Value, ValueSource Source);

/// <summary>Marks that a fixed-key mapping (e.g. <c>thresholds.nmi</c>) is present, and where.</summary>
internal sealed class ConfigSection
{
    private ConfigSection()
    {
    }

    /// <summary>The one marker value.</summary>
    public static ConfigSection Present { get; } = new();
}
