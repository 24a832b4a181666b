using System.Globalization;
using System.Text;
using NmiGate.Core.Scoring;

namespace NmiGate.Core.Tests.Scoring;

/// <summary>Scoring that keeps ids as hashes: the checks it moved (duplicates, loader cross-check) and the ids read back.</summary>
[Collection(SharedScoringModels.Name)]
public sealed class HashedScoringTests(ScoringFixture fixture)
{
    private const string Header = "id,x1,x2,x3,x4\n";

    [Fact]
    public void A_quoted_row_after_the_sampled_rows_is_still_cross_checked_with_NMIG3015()
    {
        // The stored loader does not unquote: "z,1" shifts its columns. The row comes long after
        // the rows cross-checked whatever they hold, so only the quoted-row rule can catch it.
        var rows = ScoringRun.CrossCheckedRows + 900;
        var data = fixture.WriteText("late-quote.csv", Header + Rows(rows) + "\"z,1\",0.1,1,2,3\n");

        var error = Assert.Throws<ScoringException>(() => PartitionScorer.Score(new ScoringRequest(fixture.Scalar.WithLoader, data, "id")));

        Assert.Equal(ScoringErrorCodes.StoredLoaderMismatch, error.Code);
        Assert.Equal(rows + 2, error.Line);
        Assert.Contains($"{data}({rows + 2}): the loader stored in the model reads column 'x1' of id 'z,1' as NaN, but the file's column 'x1' holds '0.1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_row_among_the_sampled_rows_of_a_long_file_is_cross_checked_with_NMIG3015()
    {
        // The sampled rows are read from the file's first lines only (blank lines do not count);
        // the quoted row lies inside them, and the file goes on well past them.
        var lines = Rows(ScoringRun.CrossCheckedRows + 2000).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines[3000] = "\"z,1\",0.1,1,2,3";
        for (var i = 3500; i > 0; i -= 500)
        {
            lines.Insert(i, string.Empty);
        }

        var data = fixture.WriteText("early-quote.csv", Header + string.Join('\n', lines) + "\n");

        var error = Assert.Throws<ScoringException>(() => PartitionScorer.Score(new ScoringRequest(fixture.Scalar.WithLoader, data, "id")));

        Assert.Equal(ScoringErrorCodes.StoredLoaderMismatch, error.Code);
        Assert.Equal(3008, error.Line); // header, 3000 rows and 6 blank lines before it
        Assert.Contains($"{data}(3008): the loader stored in the model reads column 'x1' of id 'z,1' as NaN, but the file's column 'x1' holds '0.1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_clean_file_scores_the_same_with_its_sampled_rows_read_from_a_prefix()
    {
        var rows = ScoringRun.CrossCheckedRows + 3000;
        var data = fixture.WriteText("long.csv", Header + Rows(rows));

        var withLoader = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"));
        var bySchema = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id"));

        Assert.Equal(rows, withLoader.RowCount);
        Assert.Equal(bySchema.ClusterIds, withLoader.ClusterIds);
    }

    [Fact]
    public void Duplicates_far_apart_report_the_first_repeat_in_file_order_with_both_lines()
    {
        // Rows r0..r5999; "r100" repeats at data row 3000 and "r50" at data row 5000: the first
        // repeat met reading the file is "r100" (line 3002), whatever order the hashes sort in.
        var lines = Enumerable.Range(0, 6000).Select(i => $"r{i},1,2,3,4").ToArray();
        lines[3000] = "r100,1,2,3,4";
        lines[5000] = "r50,1,2,3,4";
        var data = fixture.WriteText("far-dups.csv", Header + string.Join('\n', lines) + "\n");

        var error = Assert.Throws<ScoringException>(() => PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id")));

        Assert.Equal(ScoringErrorCodes.DuplicateId, error.Code);
        Assert.Equal(3002, error.Line);
        Assert.Contains($"{data}(3002): id 'r100' appears on line 102 and again on line 3002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_read_back_in_file_order_quotes_unescaped()
    {
        var data = fixture.WriteText("ids.csv", Header + "b,1,2,3,4\n\n\"say \"\"hi\"\"\",1,2,3,4\n\"a,b\",5,6,7,8\nc,1,2,3,4\n");

        var scored = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id"));

        Assert.Equal(["b", "say \"hi\"", "a,b", "c"], scored.Ids);
        Assert.Equal([2L, 4, 5, 6], scored.Lines);
        Assert.Equal(4, scored.ClusterIds.Count);
        Assert.Equal(scored.ClusterIds[0], scored.ClusterIds[2 + 1]);
        Assert.False(scored.Rows.HashCollision);
    }

    [Fact]
    public void Ids_of_a_file_changed_after_scoring_are_refused()
    {
        var data = fixture.WriteText("changed.csv", Header + "a,1,2,3,4\nb,1,2,3,4\n");
        var scored = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id"));
        File.WriteAllText(data, Header + "a,1,2,3,4\nB,1,2,3,4\n");

        var error = Assert.Throws<ScoringException>(() => scored.Ids);

        Assert.Contains($"{data}: the file changed while it was being scored (data row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_of_a_file_whose_rows_were_swapped_after_scoring_are_refused()
    {
        var data = fixture.WriteText("swapped.csv", Header + "a,1,2,3,4\nb,9,9,9,9\n");
        var scored = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id"));
        File.WriteAllText(data, Header + "b,9,9,9,9\na,1,2,3,4\n");

        var error = Assert.Throws<ScoringException>(() => scored.Ids);

        Assert.Contains($"{data}: the file changed while it was being scored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sorted_keys_are_the_file_order_keys_in_id_hash_order()
    {
        var data = fixture.WriteHoldout("keys.csv");

        var scored = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id"));

        var expected = scored.Ids.Select((id, row) => (Hash: Core.Partitions.IdHash.Of(id), Key: scored.ClusterIds[row])).OrderBy(p => p.Hash).ToArray();
        Assert.Equal(expected.Select(p => p.Hash), scored.Rows.SortedHashes.Take(expected.Length));
        Assert.Equal(expected.Select(p => p.Key), scored.Rows.SortedKeys);
        Assert.True(scored.ClusterIds.Distinct().Count() > 1);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-1.5e3")]
    [InlineData("+.5")]
    [InlineData("5.")]
    [InlineData("1E-07")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("e5")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("NaN")]
    [InlineData("?")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    [InlineData("0x10")]
    [InlineData("--1")]
    [InlineData("1.2.3")]
    [InlineData("١")]
    public void IsNumber_agrees_with_the_full_parser(string text) =>
        Assert.Equal(NumberText.TryParse(text, out _), NumberText.IsNumber(text));

    private static string Rows(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"r{i},{i % 7}.5,1,2,3\n");
        }

        return text.ToString();
    }
}
