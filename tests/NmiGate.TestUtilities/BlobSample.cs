namespace NmiGate.TestUtilities;

/// <summary>Rows drawn from Gaussian blobs: ids, the blob each row came from, and its features.</summary>
/// <param name="Ids">Row ids, in row order.</param>
/// <param name="Labels">The generating blob of each row (0-based): the true partition.</param>
/// <param name="Features">Feature values per row.</param>
/// <param name="FeatureNames">Feature column names (x1, x2, ...).</param>
public sealed record BlobSample(IReadOnlyList<string> Ids, IReadOnlyList<int> Labels, IReadOnlyList<float[]> Features, IReadOnlyList<string> FeatureNames);
