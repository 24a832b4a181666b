using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Partitions;

/// <summary>
/// Two partitions of the same rows joined by id: <see cref="ReferenceLabels"/>[i] and
/// <see cref="CandidateLabels"/>[i] label the row <see cref="Ids"/>[i], in the reference file's order.
/// </summary>
public sealed class AlignedPartitions
{
    /// <summary>How many ids only in one file a message lists, per file.</summary>
    public const int MaxListedIds = 5;

    private AlignedPartitions(Partition reference, Partition candidate, string[] candidateLabels)
    {
        Reference = reference;
        Candidate = candidate;
        CandidateLabels = ImmutableCollectionsMarshal.AsImmutableArray(candidateLabels);
    }

    /// <summary>The reference partition (scikit-learn's <c>labels_true</c>).</summary>
    public Partition Reference { get; }

    /// <summary>The candidate partition (scikit-learn's <c>labels_pred</c>).</summary>
    public Partition Candidate { get; }

    /// <summary>Number of aligned rows.</summary>
    public int RowCount => Reference.RowCount;

    /// <summary>The row ids, in the reference file's order.</summary>
    public ImmutableArray<string> Ids => Reference.Ids;

    /// <summary>The reference cluster of each row.</summary>
    public ImmutableArray<string> ReferenceLabels => Reference.Clusters;

    /// <summary>The candidate cluster of each row.</summary>
    public ImmutableArray<string> CandidateLabels { get; }

    /// <summary>Joins <paramref name="reference"/> and <paramref name="candidate"/> by id.</summary>
    /// <exception cref="NmiGateInputException">
    /// Some ids are in one file only. The message gives the count on each side and the first
    /// <see cref="MaxListedIds"/> of each with their lines; it points at the first one listed.
    /// </exception>
    public static AlignedPartitions Align(Partition reference, Partition candidate)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        var candidateLabels = new string[reference.RowCount];
        var referenceOnly = new List<int>(MaxListedIds);
        var referenceOnlyCount = 0;
        for (var i = 0; i < candidateLabels.Length; i++)
        {
            if (candidate.TryGetRow(reference.Ids[i], out var row))
            {
                candidateLabels[i] = candidate.Clusters[row];
            }
            else if (referenceOnlyCount++ < MaxListedIds)
            {
                referenceOnly.Add(i);
            }
        }

        // Ids are unique on both sides, so the candidate has extra ids exactly when fewer of its
        // rows were matched than it has; only then is it scanned again.
        var matched = reference.RowCount - referenceOnlyCount;
        var candidateOnlyCount = candidate.RowCount - matched;
        var candidateOnly = new List<int>(MaxListedIds);
        for (var i = 0; i < candidate.RowCount && candidateOnly.Count < Math.Min(candidateOnlyCount, MaxListedIds); i++)
        {
            if (!reference.TryGetRow(candidate.Ids[i], out _))
            {
                candidateOnly.Add(i);
            }
        }

        if (referenceOnlyCount > 0 || candidateOnlyCount > 0)
        {
            throw Mismatch(reference, referenceOnlyCount, referenceOnly, candidate, candidateOnlyCount, candidateOnly);
        }

        return new AlignedPartitions(reference, candidate, candidateLabels);
    }

    /// <summary>Counts the aligned labels into a contingency table.</summary>
    public ContingencyTable ToContingencyTable() => ContingencyTable.FromLabels<string>(ReferenceLabels, CandidateLabels);

    private static NmiGateInputException Mismatch(
        Partition reference, int referenceOnlyCount, List<int> referenceOnly, Partition candidate, int candidateOnlyCount, List<int> candidateOnly)
    {
        var message = new StringBuilder("the two files do not have the same ids: ");
        var parts = new List<string>(2);
        if (referenceOnlyCount > 0)
        {
            parts.Add(Side(reference, referenceOnlyCount, referenceOnly));
        }

        if (candidateOnlyCount > 0)
        {
            parts.Add(Side(candidate, candidateOnlyCount, candidateOnly));
        }

        message.AppendJoin("; ", parts)
            .Append(". Both files must label the same rows: score the candidate on the same held-out data as the reference, or remove the extra rows.");

        // Point at the first listed id: the reference's when it has extra ids, else the candidate's.
        var (file, row) = referenceOnly.Count > 0 ? (reference, referenceOnly[0]) : (candidate, candidateOnly[0]);
        return new NmiGateInputException(file.FilePath, file.Lines[row], message.ToString());
    }

    private static string Side(Partition partition, int count, List<int> examples)
    {
        var listed = string.Join(", ", examples.Select(row =>
            string.Create(CultureInfo.InvariantCulture, $"{MessageText.Quote(partition.Ids[row])} (line {partition.Lines[row]})")));
        var more = count > examples.Count ? ", ..." : string.Empty;
        var noun = count == 1 ? "id is" : "ids are";
        return string.Create(CultureInfo.InvariantCulture, $"{count} {noun} only in {partition.FilePath} ({listed}{more})");
    }
}
