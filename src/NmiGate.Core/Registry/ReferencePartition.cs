using System.Collections.Immutable;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Registry;

/// <summary>
/// A registered reference partition whose SHA-256 and counts were verified against its manifest:
/// the <c>labels_true</c> side of a comparison.
/// </summary>
/// <param name="Version">The version it was resolved to.</param>
/// <param name="Partition">The partition as read from <c>partition.csv</c>, ready for <see cref="AlignedPartitions.Align"/>.</param>
public sealed record ReferencePartition(RegistryVersion Version, Partition Partition)
{
    /// <summary>The version's manifest.</summary>
    public Manifest Manifest => Version.Manifest;

    /// <summary>Row ids, sorted ordinally (the file's order).</summary>
    public ImmutableArray<string> Ids => Partition.Ids;

    /// <summary>The cluster label of each row, aligned with <see cref="Ids"/>.</summary>
    public ImmutableArray<string> Labels => Partition.Clusters;

    /// <summary>The reference label of <paramref name="id"/> (exact, ordinal match).</summary>
    public bool TryGetLabel(string id, out string label)
    {
        if (Partition.TryGetRow(id, out var row))
        {
            label = Labels[row];
            return true;
        }

        label = string.Empty;
        return false;
    }

    /// <summary>A lookup from id to reference label, for callers that align candidate rows themselves.</summary>
    public IReadOnlyDictionary<string, string> ToLabelLookup()
    {
        var lookup = new Dictionary<string, string>(Ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < Ids.Length; i++)
        {
            lookup.Add(Ids[i], Labels[i]);
        }

        return lookup;
    }
}
