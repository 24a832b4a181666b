using System.Text;
using NmiGate.Core.Partitions;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Partitions;

public sealed class PartitionFileTests : IDisposable
{
    private readonly TempWorkspace temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Reads_ids_and_labels_in_file_order_and_ignores_extra_columns()
    {
        var path = temp.WriteText("p.csv", "region,cluster,id,score\nNorth,2,B,0.5\nSouth,1,A,0.7\nEast,2,C,0.1\n");

        var partition = PartitionFile.Read(path);

        Assert.Equal(["B", "A", "C"], partition.Ids.ToArray());
        Assert.Equal(["2", "1", "2"], partition.Clusters.ToArray());
        Assert.Equal([2L, 3L, 4L], partition.Lines.ToArray());
        Assert.Equal(2, partition.ClusterCount);
        Assert.True(partition.TryGetRow("C", out var row));
        Assert.Equal(2, row);
    }

    [Fact]
    public void Labels_are_text_compared_exactly()
    {
        var path = temp.WriteText("p.csv", "id,cluster\nA,01\nB,1\nC,1 \nD,1\n");

        var partition = PartitionFile.Read(path);

        Assert.Equal(3, partition.ClusterCount);
        Assert.Equal(["01", "1", "1 ", "1"], partition.Clusters.ToArray());
    }

    [Fact]
    public void Reads_utf8_with_a_byte_order_mark_and_crlf_line_ends()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id,cluster\r\nÅsa,x\r\nB,y\r\n")).ToArray();
        var path = temp.WriteBytes("bom.csv", bytes);

        var partition = PartitionFile.Read(path);

        Assert.Equal(["Åsa", "B"], partition.Ids.ToArray());
        Assert.Equal(["x", "y"], partition.Clusters.ToArray());
        Assert.Equal([2L, 3L], partition.Lines.ToArray());
    }

    [Fact]
    public void Reads_rfc4180_quoted_fields_and_counts_physical_lines()
    {
        var path = temp.WriteText("q.csv", "id,note,cluster\n\"A,1\",\"said \"\"hi\"\"\",\"c,1\"\nB,\"two\nlines\",2\nC,,\"\"\"\"\n");

        var partition = PartitionFile.Read(path);

        Assert.Equal(["A,1", "B", "C"], partition.Ids.ToArray());
        Assert.Equal(["c,1", "2", "\""], partition.Clusters.ToArray());
        Assert.Equal([2L, 3L, 5L], partition.Lines.ToArray());
    }

    [Fact]
    public void Reads_tab_separated_values_for_a_tsv_file()
    {
        var path = temp.WriteText("p.tsv", "id\tcluster\tnote\nA\t1\thas, commas\nB\t2\t\n");

        var partition = PartitionFile.Read(path);

        Assert.Equal(["A", "B"], partition.Ids.ToArray());
        Assert.Equal(["1", "2"], partition.Clusters.ToArray());
    }

    [Fact]
    public void Uses_the_configured_column_names()
    {
        var path = temp.WriteText("p.csv", "customer_id,segment\nC1,gold\nC2,silver\n");

        var partition = PartitionFile.Read(path, new PartitionColumns("customer_id", "segment"));

        Assert.Equal(["C1", "C2"], partition.Ids.ToArray());
        Assert.Equal(["gold", "silver"], partition.Clusters.ToArray());
    }

    [Fact]
    public void Skips_blank_lines_but_keeps_line_numbers()
    {
        var path = temp.WriteText("p.csv", "id,cluster\n\nA,1\n\r\nB,2\n\n");

        var partition = PartitionFile.Read(path);

        Assert.Equal([3L, 5L], partition.Lines.ToArray());
    }

    [Fact]
    public void Missing_file_is_an_input_error_naming_the_file()
    {
        var path = Path.Combine(temp.Root, "nope.csv");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Null(error.Line);
        Assert.Contains("no such file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_path_is_an_input_error()
    {
        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(temp.Root));

        Assert.Equal(temp.Root, error.FilePath);
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_an_error_on_line_1()
    {
        var path = temp.WriteText("empty.csv", string.Empty);

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(1L, error.Line);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_with_only_a_header_is_an_error()
    {
        var path = temp.WriteText("header.csv", "id,cluster\n");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(1L, error.Line);
        Assert.Contains("no data rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_column_lists_the_columns_that_exist_and_suggests_a_near_match()
    {
        var path = temp.WriteText("p.csv", "id,Cluster,region\nA,1,x\n");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(1L, error.Line);
        Assert.Contains("'cluster'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'id', 'Cluster', 'region'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'Cluster'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p.csv", "id\tcluster\nA\t1\n", "a tab, so the file is not comma-separated")]
    [InlineData("p.tsv", "id,cluster\nA,1\n", "a ',', so the file is not tab-separated")]
    [InlineData("p.csv", "id;cluster\nA;1\n", "a ';', so the file is not comma-separated")]
    public void Header_with_another_delimiter_says_so(string name, string content, string expected)
    {
        var path = temp.WriteText(name, content);

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(1L, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_named_twice_in_the_header_is_an_error()
    {
        var path = temp.WriteText("p.csv", "id,cluster,id\nA,1,B\n");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_id_names_both_lines()
    {
        var path = temp.WriteText("p.csv", "id,cluster\nA,1\nB,2\nC,1\nB,3\n");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(5L, error.Line);
        Assert.Contains("'B'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_in_messages_are_escaped_and_shortened_to_keep_one_line()
    {
        var longId = new string('x', 100);
        var path = temp.WriteText("p.csv", $"id,cluster\n\"a\nb\",1\n\"a\nb\",2\n{longId},\n");

        var duplicate = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Contains("duplicate id 'a\\nb': it is on line 2 and again on line 4.", duplicate.Message, StringComparison.Ordinal);

        path = temp.WriteText("q.csv", $"id,cluster\n{longId},\n");
        var empty = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));
        Assert.Contains($"of id '{new string('x', 60)}...' is empty", empty.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,cluster\nA,1\nB,\n")]
    [InlineData("id,cluster\nA,1\nB,\"  \"\n")]
    public void Empty_cluster_value_is_an_error_on_its_line(string content)
    {
        var path = temp.WriteText("p.csv", content);

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(3L, error.Line);
        Assert.Contains("'B'", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_id_is_an_error_on_its_line()
    {
        var path = temp.WriteText("p.csv", "id,cluster\nA,1\n,2\n");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(3L, error.Line);
        Assert.Contains("id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,cluster,region\nA,1,x\nB,2\n", "2 fields")]
    [InlineData("id,cluster\nA,1\nB,2,x\n", "3 fields")]
    public void Ragged_row_is_an_error_on_its_line(string content, string fields)
    {
        var path = temp.WriteText("p.csv", content);

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(3L, error.Line);
        Assert.Contains(fields, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_quote_names_the_line_where_it_opened()
    {
        var path = temp.WriteText("p.csv", "id,cluster\nA,1\nB,\"2\nC,3\nD,4\n");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(3L, error.Line);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        var path = temp.WriteText("p.csv", "id,cluster\nA,\"1\"x\n");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(2L, error.Line);
        Assert.Contains("after the closing quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_inside_an_unquoted_field_is_an_error()
    {
        var path = temp.WriteText("p.csv", "id,cluster\nA,1\nB,2\"x\n");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(3L, error.Line);
        Assert.Contains("double quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_an_error()
    {
        var path = temp.WriteBytes("model.zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x0A, 0xFF]);

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(1L, error.Line);
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_on_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("id,cluster\nA,1\nB,")
            .Concat(new byte[] { 0xE9 }) // Latin-1 'é'
            .Concat(Encoding.UTF8.GetBytes("t\u00e9\n")).ToArray();
        var path = temp.WriteBytes("latin1.csv", bytes);

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(3L, error.Line);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_longer_than_the_limit_is_an_error()
    {
        var path = temp.WriteText("p.csv", "id,cluster\nA," + new string('x', DelimitedRecordReader.MaxRecordLength + 1) + "\n");

        var error = Assert.Throws<NmiGateInputException>(() => PartitionFile.Read(path));

        Assert.Equal(2L, error.Line);
        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
    }
}
