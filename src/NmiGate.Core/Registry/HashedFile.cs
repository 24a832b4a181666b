namespace NmiGate.Core.Registry;

/// <summary>A provenance file (model or data) named by its file name, with the SHA-256 of its bytes.</summary>
/// <param name="File">The file name without its folder (folders differ between machines).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record HashedFile(string File, string Sha256);
