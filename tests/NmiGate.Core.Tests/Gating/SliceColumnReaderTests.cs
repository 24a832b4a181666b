using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Gating;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Gating;

/// <summary><see cref="SliceColumnReader"/>: the separate pass over the held-out data that reads the slice columns.</summary>
public sealed class SliceColumnReaderTests : IDisposable
{
    private readonly TempWorkspace workspace = new("slice-reader");

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Aligned_rows_are_split_by_value_with_labels_joined_on_id_whatever_the_row_order()
    {
        var data = workspace.WriteText("data.csv", "region,id,x\n\"north\",b,1\nsouth,a,2\nnorth,c,3\n\"\",d,4\n");
        var reader = SliceColumnReader.Read(Options(data, Slice("region", minRows: 2)), CancellationToken.None)!;

        // The aligned order (reference order) differs from the data file's.
        var tables = reader.Split(["a", "b", "c", "d"], ["r1", "r2", "r2", "r3"], ["c1", "c2", "c3", "c3"]);

        Assert.Equal(["", "north", "south"], tables.Select(t => t.Value));
        Assert.Equal([1L, 2L, 1L], tables.Select(t => t.RowCount));
        Assert.Null(tables[0].Table);
        var north = tables[1].Table!;
        Assert.Equal(2, north.RowCount);
        Assert.Equal(["r2"], north.ReferenceLabels);
        Assert.Equal(["c2", "c3"], north.CandidateLabels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_column_with_more_than_1000_values_is_NMIG2015_at_its_nmigate_yml_key()
    {
        var text = new StringBuilder("id,customer\n");
        for (var i = 0; i <= SliceColumnReader.MaxSliceValues; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"r{i},c{i}\n");
        }

        var data = workspace.WriteText("data.csv", text.ToString());

        var error = Assert.Throws<GateException>(() => SliceColumnReader.Read(Options(data, Slice("customer", minRows: 1)), CancellationToken.None));

        Assert.Equal(DiagnosticCode.TooManySlices, error.Code);
        Assert.Equal((9, 15), (error.Line, error.Column));
        Assert.Contains("more than 1000 distinct values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_slices_read_nothing_and_a_missing_id_column_is_left_to_scoring()
    {
        var data = workspace.WriteText("data.csv", "key,region\n1,north\n");

        Assert.Null(SliceColumnReader.Read(Options(data), CancellationToken.None));
        Assert.Null(SliceColumnReader.Read(Options(data, Slice("region", minRows: 1)), CancellationToken.None));
    }

    private static SliceOptions Slice(string column, int minRows) => new(
        new(column, ValueSource.InFile("/repo/nmigate.yml", 9, 15)),
        new(minRows, ValueSource.Default),
        new ThresholdOptions(ReadOnlyDictionary<GateMetric, MetricThreshold>.Empty),
        ValueSource.InFile("/repo/nmigate.yml", 9, 5));

    private static GateOptions Options(string data, params SliceOptions[] slices)
    {
        var d = ValueSource.Default;
        return new GateOptions(
            "/repo/nmigate.yml",
            new(1, d),
            new("segments", d),
            new ModelOptions(new("/repo/model.zip", d), new("PredictedLabel", d)),
            new DataOptions(new(data, d), new("id", d), new(',', d), ReadOnlyDictionary<string, Sourced<IReadOnlyList<string>>>.Empty),
            new ReferenceOptions(new("/repo/.nmigate", d), new("latest", d)),
            new ThresholdOptions(ReadOnlyDictionary<GateMetric, MetricThreshold>.Empty))
        {
            Slices = slices,
        };
    }
}
