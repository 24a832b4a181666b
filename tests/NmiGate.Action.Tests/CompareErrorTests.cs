using NmiGate.Action.Tests.Support;
using NmiGate.TestUtilities;

namespace NmiGate.Action.Tests;

/// <summary>Every bad input exits 2 with one <c>nmigate: error: FILE:LINE: message</c> line on stderr.</summary>
public sealed class CompareErrorTests : IDisposable
{
    private readonly TempWorkspace temp = new();
    private readonly string good;

    public CompareErrorTests()
    {
        good = temp.WriteText("good.csv", "id,cluster\nA,1\nB,1\nC,2\n");
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Missing_file_exits_2_and_names_the_file()
    {
        var missing = Path.Combine(temp.Root, "missing.csv");

        var run = NmigateRun.Of("compare", missing, good);

        AssertError(run, $"{missing}: no such file");
    }

    [Fact]
    public void Directory_instead_of_a_file_exits_2()
    {
        var run = NmigateRun.Of("compare", good, temp.Root);

        AssertError(run, $"{temp.Root}: is a directory");
    }

    [Fact]
    public void Missing_column_exits_2_and_lists_the_columns_that_exist()
    {
        var candidate = temp.WriteText("c.csv", "id,segment,region\nA,1,x\nB,1,x\nC,2,y\n");

        var run = NmigateRun.Of("compare", good, candidate);

        AssertError(run, $"{candidate}:1: no cluster column 'cluster' in the header; the columns are 'id', 'segment', 'region'.");
    }

    [Fact]
    public void Empty_file_exits_2_and_names_line_1()
    {
        var empty = temp.WriteText("empty.csv", string.Empty);

        var run = NmigateRun.Of("compare", empty, good);

        AssertError(run, $"{empty}:1: the file is empty.");
    }

    [Fact]
    public void Header_only_file_exits_2()
    {
        var header = temp.WriteText("header.csv", "id,cluster\n");

        var run = NmigateRun.Of("compare", good, header);

        AssertError(run, $"{header}:1: the file has a header but no data rows.");
    }

    [Fact]
    public void Id_in_one_file_only_exits_2_with_counts_and_examples()
    {
        var candidate = temp.WriteText("c.csv", "id,cluster\nA,1\nX,1\nY,2\nZ,2\n");

        var run = NmigateRun.Of("compare", good, candidate);

        AssertError(run, $"{good}:3: the two files do not have the same ids: "
            + $"2 ids are only in {good} ('B' (line 3), 'C' (line 4)); 3 ids are only in {candidate} ('X' (line 3), 'Y' (line 4), 'Z' (line 5)).");
    }

    [Fact]
    public void Duplicate_id_exits_2_and_names_both_lines()
    {
        var candidate = temp.WriteText("c.csv", "id,cluster\nA,1\nB,1\nC,2\nA,2\n");

        var run = NmigateRun.Of("compare", good, candidate);

        AssertError(run, $"{candidate}:5: duplicate id 'A': it is on line 2 and again on line 5.");
    }

    [Fact]
    public void Empty_cluster_value_exits_2_and_names_the_line_and_id()
    {
        var candidate = temp.WriteText("c.csv", "id,cluster\nA,1\nB,\nC,2\n");

        var run = NmigateRun.Of("compare", good, candidate);

        AssertError(run, $"{candidate}:3: the cluster (column 'cluster') of id 'B' is empty.");
    }

    [Fact]
    public void Ragged_row_exits_2_and_names_the_line()
    {
        var candidate = temp.WriteText("c.csv", "id,cluster\nA,1\nB,1,extra\nC,2\n");

        var run = NmigateRun.Of("compare", good, candidate);

        AssertError(run, $"{candidate}:3: this row has 3 fields but the header (line 1) has 2.");
    }

    [Fact]
    public void Unterminated_quote_exits_2_and_names_the_line_it_opens_on()
    {
        var candidate = temp.WriteText("c.csv", "id,cluster\nA,1\nB,\"1\nC,2\n");

        var run = NmigateRun.Of("compare", good, candidate);

        AssertError(run, $"{candidate}:3: a quoted field (field 2) opens on this line and is never closed.");
    }

    [Fact]
    public void Binary_file_exits_2()
    {
        var binary = temp.WriteBytes("model.zip", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE]);

        var run = NmigateRun.Of("compare", binary, good);

        AssertError(run, $"{binary}:1: this line contains a NUL character");
    }

    /// <summary>Exit 2, nothing on stdout, and exactly one stderr line that starts with the expected text.</summary>
    private static void AssertError(NmigateRun run, string expectedStart)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("nmigate: error: " + expectedStart, lines[0].TrimEnd('\r'), StringComparison.Ordinal);
    }
}
