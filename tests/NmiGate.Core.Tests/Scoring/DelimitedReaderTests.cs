using System.Text;
using NmiGate.Core.Scoring;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Scoring;

public sealed class DelimitedReaderTests
{
    [Fact]
    public void Lines_longer_than_the_buffer_and_a_missing_final_newline_are_read_whole()
    {
        using var workspace = new TempWorkspace("reader");
        var longId = new string('x', 200_000);
        var path = workspace.WriteText("long.csv", $"id,v\n{longId},1\nlast,2");

        using var reader = new DelimitedReader(path, ',');
        Assert.True(reader.ReadHeader());
        Assert.True(reader.ReadRow());
        Assert.Equal(longId, reader.GetString(0));
        Assert.True(reader.ReadRow());
        Assert.Equal(3, reader.LineNumber);
        Assert.Equal("last", reader.GetString(0));
        Assert.Equal("2", reader.GetField(1).ToString());
        Assert.False(reader.ReadRow());
    }

    [Fact]
    public void Byte_order_mark_and_padding_are_not_part_of_the_header_names()
    {
        using var workspace = new TempWorkspace("reader");
        var path = workspace.PathOf("bom.csv");
        File.WriteAllText(path, " id , v\na,1\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        using var reader = new DelimitedReader(path, ',');
        Assert.True(reader.ReadHeader());

        Assert.Equal(["id", "v"], reader.Header);
    }

    [Fact]
    public void Trailing_separator_and_empty_quoted_fields_count_as_fields()
    {
        using var workspace = new TempWorkspace("reader");
        var path = workspace.WriteText("fields.tsv", "a\tb\tc\n\"\"\t\t\n");

        using var reader = new DelimitedReader(path, '\t');
        Assert.True(reader.ReadHeader());
        Assert.True(reader.ReadRow());

        Assert.Equal(3, reader.FieldCount);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(string.Empty, reader.GetString(i)));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_a_malformed_row()
    {
        using var workspace = new TempWorkspace("reader");
        var path = workspace.WriteText("bad.csv", "a,b\n\"x\"y,1\n");

        using var reader = new DelimitedReader(path, ',');
        Assert.True(reader.ReadHeader());
        var error = Assert.Throws<ScoringException>(() => reader.ReadRow());

        Assert.Equal(ScoringErrorCodes.RaggedRow, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Contains("field 1 has text after its closing quote", error.Message, StringComparison.Ordinal);
    }
}
