using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Partitions;

public sealed class AlignedPartitionsTests : IDisposable
{
    private readonly TempWorkspace temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Aligns_rows_by_id_whatever_their_order()
    {
        var reference = Read("r.csv", "id,cluster\nA,x\nB,x\nC,y\n");
        var candidate = Read("c.csv", "id,cluster\nC,2\nA,1\nB,3\n");

        var aligned = AlignedPartitions.Align(reference, candidate);

        Assert.Equal(["A", "B", "C"], aligned.Ids.ToArray());
        Assert.Equal(["x", "x", "y"], aligned.ReferenceLabels.ToArray());
        Assert.Equal(["1", "3", "2"], aligned.CandidateLabels.ToArray());
        var expected = ContingencyTable.FromLabels<string>(["x", "x", "y"], ["1", "3", "2"]);
        Assert.Equal(expected.NormalizedMutualInformation(), aligned.ToContingencyTable().NormalizedMutualInformation());
    }

    [Fact]
    public void Ids_in_one_file_only_report_both_counts_and_the_first_five_with_lines()
    {
        var referenceRows = string.Concat(Enumerable.Range(1, 10).Select(i => $"R{i},a\n"));
        var reference = Read("r.csv", "id,cluster\nS,a\n" + referenceRows);
        var candidate = Read("c.csv", "id,cluster\nX1,b\nS,b\nX2,b\n");

        var error = Assert.Throws<NmiGateInputException>(() => AlignedPartitions.Align(reference, candidate));

        Assert.Equal(reference.FilePath, error.FilePath);
        Assert.Equal(3L, error.Line); // R1, the first id listed
        Assert.Contains($"10 ids are only in {reference.FilePath}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'R1' (line 3), 'R2' (line 4), 'R3' (line 5), 'R4' (line 6), 'R5' (line 7), ...", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'R6'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"2 ids are only in {candidate.FilePath} ('X1' (line 2), 'X2' (line 4))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_only_in_the_candidate_point_at_the_candidate_file()
    {
        var reference = Read("r.csv", "id,cluster\nA,1\n");
        var candidate = Read("c.csv", "id,cluster\nA,1\nB,1\n");

        var error = Assert.Throws<NmiGateInputException>(() => AlignedPartitions.Align(reference, candidate));

        Assert.Equal(candidate.FilePath, error.FilePath);
        Assert.Equal(3L, error.Line);
        Assert.Contains("1 id is only in", error.Message, StringComparison.Ordinal);
    }

    private Partition Read(string name, string content) => PartitionFile.Read(temp.WriteText(name, content));
}
