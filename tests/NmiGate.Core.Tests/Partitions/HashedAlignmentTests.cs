using System.Globalization;
using NmiGate.Core.Partitions;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Partitions;

/// <summary>Alignment by id hash (<see cref="HashedAlignment"/>, <see cref="HashedPartitionReader"/>) against alignment by text.</summary>
public sealed class HashedAlignmentTests : IDisposable
{
    private readonly TempWorkspace workspace = new("hashed-alignment");

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Same_hashes_of_the_same_text_different_for_different_text()
    {
        var ids = Enumerable.Range(0, 200_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"row-{i:D6}")).ToList();
        ids.AddRange(["", "a", "b", "ab", "ba", "a\0", "é", "abcdefgh", "abcdefgi"]);

        var hashes = ids.Select(id => IdHash.Of(id)).ToList();

        Assert.Equal(ids.Count, hashes.Distinct().Count());
        Assert.Equal(IdHash.Of("row-000007"), IdHash.Of("xrow-000007".AsSpan(1)));
    }

    [Fact]
    public void Hashed_alignment_counts_the_same_table_as_alignment_by_text()
    {
        var random = new Random(5);
        var ids = Enumerable.Range(0, 5000).Select(i => string.Create(CultureInfo.InvariantCulture, $"id-{i * 7919 % 5000}")).ToArray();
        var referenceLabels = ids.Select(_ => "c" + random.Next(6).ToString(CultureInfo.InvariantCulture)).ToArray();
        var candidateKeys = ids.Select(_ => (uint)random.Next(1, 5)).ToArray();
        var referencePath = WriteSorted("reference.csv", ids, referenceLabels);
        var shuffled = Enumerable.Range(0, ids.Length).OrderBy(_ => random.Next()).ToArray();
        var candidatePath = workspace.WriteText("candidate.csv", "id,cluster\n" + string.Concat(shuffled.Select(i => $"{ids[i]},{candidateKeys[i]}\n")));

        var hashed = ReadHashed(referencePath, ids.Length);
        var (candidateHashes, sortedKeys) = Candidate(shuffled.Select(i => ids[i]).ToArray(), shuffled.Select(i => candidateKeys[i]).ToArray());
        var table = HashedAlignment.TryCount(Assert.IsType<HashedLabels>(hashed), candidateHashes, sortedKeys);
        var expected = AlignedPartitions.Align(PartitionFile.Read(referencePath), PartitionFile.Read(candidatePath)).ToContingencyTable();

        Assert.NotNull(table);
        Assert.Equal(expected.ReferenceLabels, table.ReferenceLabels);
        Assert.Equal(expected.CandidateLabels, table.CandidateLabels);
        Assert.Equal(expected.Cells, table.Cells);
    }

    [Fact]
    public void An_id_on_one_side_only_leaves_the_alignment_to_text()
    {
        var path = WriteSorted("reference.csv", ["a", "b", "c"], ["1", "1", "2"]);
        var (hashes, keys) = Candidate(["a", "b", "d"], [1, 1, 2]);

        Assert.Null(HashedAlignment.TryCount(ReadHashed(path, 3)!, hashes, keys));
    }

    [Theory]
    [InlineData("id,cluster\nb,1\na,1\n", 2)] // not sorted
    [InlineData("id,cluster\na,1\na,2\n", 2)] // duplicate
    [InlineData("id,cluster\na,1\n ,2\n", 2)] // blank id
    [InlineData("id,cluster\na,1\nb,\n", 2)] // blank label
    [InlineData("id,cluster\na,1\nb,2,3\n", 2)] // ragged
    [InlineData("id,cluster,x\na,1,0\n", 1)] // extra column
    [InlineData("cluster,idx\n1,a\n", 1)] // no id column
    [InlineData("id,cluster\na,1\nb,2\n", 3)] // fewer rows than the manifest
    [InlineData("id,cluster\na,1\nb,2\nc,3\n", 2)] // more rows than the manifest
    [InlineData("id,cluster\n\"a,1\n", 1)] // unclosed quote
    public void Anything_but_a_clean_registered_partition_is_left_to_the_text_reader(string content, int expectedRows)
    {
        var path = workspace.WriteText("odd.csv", content);

        Assert.Null(ReadHashed(path, expectedRows));
    }

    [Fact]
    public void A_clean_partition_reads_with_its_distinct_labels()
    {
        var path = workspace.WriteText("clean.csv", "id,cluster\n\"a,1\",x\nb,y\nc,x\n");

        var hashed = Assert.IsType<HashedLabels>(ReadHashed(path, 3));

        Assert.Equal(["x", "y"], hashed.Labels);
        Assert.Equal(3, hashed.RowCount);
        Assert.Contains(IdHash.Of("a,1"), hashed.SortedHashes);
        Assert.True(hashed.SortedHashes.SequenceEqual(hashed.SortedHashes.Order()));
    }

    private static HashedLabels? ReadHashed(string path, int expectedRows)
    {
        using var stream = File.OpenRead(path);
        return HashedPartitionReader.TryRead(stream, path, expectedRows);
    }

    private static (ulong[] Hashes, uint[] Keys) Candidate(string[] ids, uint[] keys)
    {
        var hashes = ids.Select(id => IdHash.Of(id)).ToArray();
        var sortedKeys = keys.ToArray();
        Array.Sort(hashes, sortedKeys);
        return (hashes, sortedKeys);
    }

    private string WriteSorted(string name, string[] ids, string[] labels)
    {
        var order = Enumerable.Range(0, ids.Length).OrderBy(i => ids[i], StringComparer.Ordinal);
        return workspace.WriteText(name, "id,cluster\n" + string.Concat(order.Select(i => $"{ids[i]},{labels[i]}\n")));
    }
}
