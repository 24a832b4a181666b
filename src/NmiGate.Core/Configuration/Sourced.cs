namespace NmiGate.Core.Configuration;

/// <summary>A configuration value and where it came from.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Source">The file position, override or default that supplied it.</param>
public readonly record struct Sourced<T>(T Value, ValueSource Source)
{
    /// <summary>The value alone, for string interpolation.</summary>
    public override string ToString() => Value?.ToString() ?? string.Empty;
}
