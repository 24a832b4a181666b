namespace NmiGate.Core.Registry;

/// <summary>One registered version of a gate's reference, with its manifest.</summary>
/// <param name="Gate">The gate name.</param>
/// <param name="Number">The version number (3 for <c>v3</c>).</param>
/// <param name="FolderPath">The full path of the version folder.</param>
/// <param name="Manifest">The version's manifest, read and checked against its folder.</param>
public sealed record RegistryVersion(string Gate, int Number, string FolderPath, Manifest Manifest)
{
    /// <summary>The version's name: <c>v</c> and the number (<c>v3</c>).</summary>
    public string Name => VersionSpec.Format(Number);

    /// <summary>The full path of <c>partition.csv</c>.</summary>
    public string PartitionPath => Path.Combine(FolderPath, RegistryLayout.PartitionFileName);

    /// <summary>The full path of <c>manifest.json</c>.</summary>
    public string ManifestPath => Path.Combine(FolderPath, RegistryLayout.ManifestFileName);
}
