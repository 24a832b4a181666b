using NmiGate.Core.Diagnostics;
using NmiGate.Core.Gating;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Gating;

/// <summary><see cref="GateHistory"/>: append, read back, the last record per reference version, corrupted lines.</summary>
public sealed class GateHistoryTests : IDisposable
{
    private readonly TempWorkspace workspace = new("gate-history");

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Appended_records_read_back_in_order_with_every_field()
    {
        var path = GateHistory.PathFor(Path.Combine(workspace.Root, ".nmigate"), "segments");
        var first = Record("v1", 0.91);
        var second = Record("v2", 0.87) with { Intervals = new Dictionary<string, HistoryInterval> { ["nmi_arithmetic"] = new(0.85, 0.89, 0.95, 1000) }, Seed = 7, Commit = new string('a', 40) };

        GateHistory.Append(path, first);
        GateHistory.Append(path, second);
        var records = GateHistory.Read(path);

        Assert.Equal(2, File.ReadAllLines(path).Length);
        Assert.Equal(2, records.Count);
        Assert.Equal(0.91, records[0].Metrics["nmi_arithmetic"]);
        Assert.Equal("v2", records[1].ReferenceVersion);
        Assert.Equal(new HistoryInterval(0.85, 0.89, 0.95, 1000), records[1].Intervals!["nmi_arithmetic"]);
        Assert.Equal(7UL, records[1].Seed);
        Assert.Equal(second.Time, records[1].Time);
        Assert.Null(records[1].Metrics["expected_mutual_info"]);
    }

    [Fact]
    public void The_last_record_is_taken_per_reference_version()
    {
        IReadOnlyList<HistoryRecord> records = [Record("v1", 0.90), Record("v2", 0.80), Record("v1", 0.95), Record("v2", 0.70)];

        Assert.Equal(0.95, GateHistory.LastFor(records, "v1")!.Metrics["nmi_arithmetic"]);
        Assert.Equal(0.70, GateHistory.LastFor(records, "v2")!.Metrics["nmi_arithmetic"]);
        Assert.Null(GateHistory.LastFor(records, "v3"));
    }

    [Fact]
    public void A_missing_history_is_empty()
    {
        Assert.Empty(GateHistory.Read(Path.Combine(workspace.Root, "absent", GateHistory.FileName)));
    }

    [Fact]
    public void A_corrupted_line_is_an_error_naming_the_file_and_line()
    {
        var path = Path.Combine(workspace.Root, GateHistory.FileName);
        GateHistory.Append(path, Record("v1", 0.9));
        File.AppendAllText(path, "\n{\"schemaVersion\": 1, \"gate\": \"segments\", \"time\": \"2026-01-0\n");
        GateHistory.Append(path, Record("v1", 0.8));

        var error = Assert.Throws<GateException>(() => GateHistory.Read(path));

        Assert.Equal(DiagnosticCode.HistoryCorrupted, error.Code);
        Assert.Equal(3, error.Line);
        Assert.StartsWith($"{path}(3,1): error NMIG2016: line 3 of the gate's history is corrupted", Assert.Single(error.FormatLines()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1, \"gate\": \"g\"}", "missing required properties")]
    [InlineData("[1, 2]", "not a valid history record")]
    [InlineData("null", "`null`")]
    public void Records_of_another_shape_or_version_are_corrupted(string line, string expected)
    {
        var path = workspace.WriteText(GateHistory.FileName, line + "\n");

        var error = Assert.Throws<GateException>(() => GateHistory.Read(path));

        Assert.Equal(1, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_of_a_newer_schema_version_is_refused_by_name()
    {
        var path = Path.Combine(workspace.Root, GateHistory.FileName);
        GateHistory.Append(path, Record("v1", 0.9) with { SchemaVersion = 2 });

        var error = Assert.Throws<GateException>(() => GateHistory.Read(path));

        Assert.Contains("its schemaVersion 2 is not supported (expected 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appending_after_a_line_without_its_newline_keeps_records_apart()
    {
        var path = Path.Combine(workspace.Root, GateHistory.FileName);
        GateHistory.Append(path, Record("v1", 0.9));
        File.WriteAllText(path, File.ReadAllText(path).TrimEnd('\n'));

        GateHistory.Append(path, Record("v1", 0.8));

        Assert.Equal([0.9, 0.8], GateHistory.Read(path).Select(r => r.Metrics["nmi_arithmetic"]!.Value));
    }

    private static HistoryRecord Record(string version, double nmi) => new(
        HistoryRecord.CurrentSchemaVersion,
        "segments",
        new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc),
        version,
        "pass",
        60,
        new Dictionary<string, double?> { ["nmi_arithmetic"] = nmi, ["expected_mutual_info"] = null },
        null,
        new string('1', 64),
        new string('2', 64),
        new string('3', 64),
        null,
        "1.0.0",
        null);
}
