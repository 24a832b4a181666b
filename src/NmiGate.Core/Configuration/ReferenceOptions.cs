namespace NmiGate.Core.Configuration;

/// <summary>The <c>reference</c> section: which registered partition the candidate is compared with.</summary>
/// <param name="Registry">Absolute path of the registry folder (default <c>.nmigate</c> beside the configuration file).</param>
/// <param name="Version"><c>latest</c> or a pinned version such as <c>v3</c>.</param>
public sealed record ReferenceOptions(Sourced<string> Registry, Sourced<string> Version)
{
    /// <summary>The version that resolves to the newest registration.</summary>
    public const string Latest = "latest";

    /// <summary>Whether <see cref="Version"/> is <see cref="Latest"/>.</summary>
    public bool IsLatest => string.Equals(Version.Value, Latest, StringComparison.Ordinal);
}
