using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Partitions;

public sealed class CountsFileTests
{
    [Fact]
    public void Counts_give_the_table_of_the_rows_they_count()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.WriteText("counts.csv", "reference,candidate,count\na,x,3\na,y,1\nb,y,4\nc,z,2\n");

        var table = CountsFile.Read([path]);

        string[] reference = ["a", "a", "a", "a", "b", "b", "b", "b", "c", "c"];
        string[] candidate = ["x", "x", "x", "y", "y", "y", "y", "y", "z", "z"];
        var expected = ContingencyTable.FromLabels(reference, candidate);
        Assert.Equal(10, table.RowCount);
        Assert.Equal(expected.NormalizedMutualInformation(), table.NormalizedMutualInformation(), 15);
        Assert.Equal(expected.AdjustedRandIndex(), table.AdjustedRandIndex(), 15);
    }

    [Fact]
    public void Shards_in_several_files_and_repeated_pairs_are_summed()
    {
        using var workspace = new TempWorkspace();
        var whole = workspace.WriteText("whole.csv", "reference,candidate,count\na,x,5\nb,y,7\nb,x,2\n");
        var first = workspace.WriteText("part-1.csv", "reference,candidate,count\na,x,2\nb,y,7\n");
        var second = workspace.WriteText("part-2.tsv", "count\treference\tcandidate\n3\ta\tx\n1\tb\tx\n1\tb\tx\n");

        var merged = CountsFile.Read([first, second]);
        var expected = CountsFile.Read([whole]);

        Assert.Equal(expected.RowCount, merged.RowCount);
        Assert.Equal(expected.MutualInformation(), merged.MutualInformation(), 15);
        Assert.Equal(expected.CellCount, merged.CellCount);
    }

    [Fact]
    public void Custom_column_names_are_used()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.WriteText("counts.csv", "segment_v1,segment_v2,n\na,x,3\nb,y,4\n");

        var table = CountsFile.Read([path], ("segment_v1", "segment_v2", "n"));

        Assert.Equal(7, table.RowCount);
        Assert.Equal(1.0, table.NormalizedMutualInformation());
    }

    [Theory]
    [InlineData("reference,candidate,count\na,x,-3\n", 2, "is not a whole number")]
    [InlineData("reference,candidate,count\na,x,2.5\n", 2, "is not a whole number")]
    [InlineData("reference,candidate,count\na,x,\n", 2, "is not a whole number")]
    [InlineData("reference,candidate,count\na,x,1\n ,x,1\n", 3, "is empty")]
    [InlineData("reference,candidate,count\na,x,1\nb,y\n", 3, "has 2 fields but the header (line 1) has 3")]
    [InlineData("reference,candidate\na,x\n", 1, "no count column 'count'")]
    [InlineData("", 1, "the file is empty")]
    public void Malformed_counts_name_the_file_and_line(string content, long line, string message)
    {
        using var workspace = new TempWorkspace();
        var path = workspace.WriteText("counts.csv", content);

        var error = Assert.Throws<NmiGateInputException>(() => CountsFile.Read([path]));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_that_add_up_to_no_rows_cannot_be_compared()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.WriteText("counts.csv", "reference,candidate,count\na,x,0\n");

        var error = Assert.Throws<NmiGateInputException>(() => CountsFile.Read([path]));

        Assert.Contains("add up to zero rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.PathOf("absent.csv");

        var error = Assert.Throws<NmiGateInputException>(() => CountsFile.Read([path]));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("no such file", error.Message, StringComparison.Ordinal);
    }
}
