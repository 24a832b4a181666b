namespace NmiGate.Core.Configuration.Schema;

/// <summary>The type of a scalar value in the configuration schema.</summary>
internal enum ScalarKind
{
    /// <summary>Text. A plain scalar that YAML reads as a number, boolean or null is not text: quote it.</summary>
    Text,

    /// <summary>Text naming a file or folder, resolved against the configuration file's folder.</summary>
    Path,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A finite real number.</summary>
    Number,
}
