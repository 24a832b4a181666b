using System.Runtime.CompilerServices;
using System.Text;

namespace NmiGate.Core.Partitions;

/// <summary>
/// Reads a registered <c>partition.csv</c> (header <c>id,cluster</c>, sorted by id) straight into
/// <see cref="HashedLabels"/>, without keeping an id string. It only answers for a file that is
/// exactly as registration writes it; anything else returns null, and the caller reads the file
/// with <see cref="PartitionFile"/>, whose errors name the line and the fix.
/// </summary>
internal static class HashedPartitionReader
{
    /// <summary>Reads <paramref name="stream"/>; null when the file is not a clean sorted partition, has over 65,536 clusters, or two ids share a hash.</summary>
    public static HashedLabels? TryRead(Stream stream, string path, int expectedRows)
    {
        using var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var reader = new DelimitedRecordReader(text, path, PartitionFile.DelimiterOf(path));
        try
        {
            return Read(reader, Math.Max(0, expectedRows));
        }
        catch (NmiGateInputException)
        {
            return null;
        }
    }

    /// <summary>Labels looked up by a linear scan before the dictionary: the usual handful of clusters is found faster so.</summary>
    private const int FewLabels = 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static HashedLabels? Read(DelimitedRecordReader reader, int expectedRows)
    {
        if (!reader.Read() || reader.FieldCount != 2)
        {
            return null;
        }

        var columns = PartitionColumns.Default;
        var header = reader.FieldsToArray();
        var (idIndex, clusterIndex) = (Array.IndexOf(header, columns.Id), Array.IndexOf(header, columns.Cluster));
        if (idIndex < 0 || clusterIndex < 0)
        {
            return null;
        }

        var hashes = new ulong[expectedRows];
        var codes = new ushort[expectedRows];
        var count = 0;
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var recent = new string?[FewLabels];
        var labelLookup = labels.GetAlternateLookup<ReadOnlySpan<char>>();
        var previous = new char[256];
        var previousLength = -1;
        while (reader.Read())
        {
            if (reader.FieldCount != 2 || count == expectedRows)
            {
                return null;
            }

            var id = reader.Field(idIndex);
            var cluster = reader.Field(clusterIndex);
            if (id.IsWhiteSpace() || cluster.IsWhiteSpace())
            {
                return null;
            }

            // Sorted strictly ascending (ordinal): so no id repeats.
            if (previousLength >= 0 && id.SequenceCompareTo(previous.AsSpan(0, previousLength)) <= 0)
            {
                return null;
            }

            if (id.Length > previous.Length)
            {
                previous = new char[Math.Max(id.Length, previous.Length * 2)];
            }

            id.CopyTo(previous);
            previousLength = id.Length;

            var code = FewLabelsCode(cluster, recent);
            if (code < 0 && !labelLookup.TryGetValue(cluster, out code))
            {
                code = labels.Count;
                if (code > ushort.MaxValue)
                {
                    return null; // more clusters than a compact code holds: align by text
                }

                var label = cluster.ToString();
                labels.Add(label, code);
                if (code < recent.Length)
                {
                    recent[code] = label;
                }
            }

            hashes[count] = IdHash.Of(id);
            codes[count] = (ushort)code;
            count++;
        }

        if (count != expectedRows || count == 0)
        {
            return null;
        }

        HashSort.Sort(hashes.AsSpan(), codes.AsSpan());
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] == hashes[i - 1])
            {
                return null; // two distinct ids, one hash: align by text
            }
        }

        var names = new string[labels.Count];
        foreach (var (label, code) in labels)
        {
            names[code] = label;
        }

        return new HashedLabels(hashes, codes, names);
    }

    /// <summary>The code of <paramref name="cluster"/> among the first labels seen, or -1.</summary>
    private static int FewLabelsCode(ReadOnlySpan<char> cluster, string?[] recent)
    {
        for (var code = 0; code < recent.Length && recent[code] is { } label; code++)
        {
            if (cluster.SequenceEqual(label))
            {
                return code;
            }
        }

        return -1;
    }
}
