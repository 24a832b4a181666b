namespace NmiGate.Core.Registry;

/// <summary>
/// What <c>manifest.json</c> records about one registered version: enough to verify the partition
/// before use (its SHA-256 and counts) and to tell where it came from. Serialised as camelCase JSON
/// (<see cref="ManifestJsonContext"/>); the schema is <c>schemas/manifest.schema.json</c>.
/// </summary>
/// <param name="FormatVersion">The manifest format; this build reads and writes <see cref="CurrentFormatVersion"/>.</param>
/// <param name="Gate">The gate name, equal to the folder the version sits in.</param>
/// <param name="Version">The version, equal to its folder name (<c>v3</c>).</param>
/// <param name="Created">When the version was registered, in UTC.</param>
/// <param name="ToolVersion">The NmiGate version that registered it.</param>
/// <param name="RowCount">Rows in <c>partition.csv</c>.</param>
/// <param name="ClusterCount">Distinct cluster labels in <c>partition.csv</c>.</param>
/// <param name="PartitionSha256">Lower-case hex SHA-256 of <c>partition.csv</c>'s bytes.</param>
/// <param name="Model">The model that produced the partition; null for a labels-file registration.</param>
/// <param name="Data">The held-out data the model scored; null for a labels-file registration.</param>
/// <param name="GitCommit">The commit checked out at registration, when the registry is in a git work tree.</param>
/// <param name="Note">Free text from the person registering (why this reference was accepted).</param>
/// <param name="Comparison">Metrics of this partition against the version before it, when measured.</param>
public sealed record Manifest(
    int FormatVersion,
    string Gate,
    string Version,
    DateTime Created,
    string ToolVersion,
    long RowCount,
    int ClusterCount,
    string PartitionSha256,
    HashedFile? Model = null,
    HashedFile? Data = null,
    string? GitCommit = null,
    string? Note = null,
    RegistrationComparison? Comparison = null)
{
    /// <summary>The only manifest format this build reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The manifest as the indented JSON written to <c>manifest.json</c> (LF line ends).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, ManifestJsonContext.Default.Manifest);
}
