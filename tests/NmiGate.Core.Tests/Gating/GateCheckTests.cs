using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Gating;
using NmiGate.Core.Registry;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Gating;

/// <summary><see cref="GateCheck"/> and <see cref="Registration"/> on the committed 60-row KMeans fixture.</summary>
public sealed class GateCheckTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "NmiGate.Core.Tests", "Fixtures", "models");
    private readonly TempWorkspace workspace = new("gate-check");

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Check_of_the_registered_model_passes_with_nmi_1()
    {
        var options = Options("  nmi: { fail-below: 0.9 }\n");
        var registered = Registration.Run(options, new RegistrationRequest("test"));

        var result = GateCheck.Run(options);

        Assert.Null(registered.Previous);
        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.Equal("v1", result.ReferenceVersion);
        Assert.Equal(60, result.RowCount);
        Assert.Equal(1.0, result.Metrics.NmiArithmetic, 12);
        Assert.Equal(60, result.Table.RowCount);
        Assert.Equal("Gate 'segments' PASS: the rule holds against reference v1 (60 rows).", result.Summary);
    }

    [Fact]
    public void Keep_rows_keeps_the_aligned_rows_and_gives_the_same_table_and_metrics_as_the_hashed_count()
    {
        var options = Options("  nmi: { fail-below: 0.1 }\n");
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: PerturbedLabels(every: 5)));

        var plain = GateCheck.Run(options);
        var kept = GateCheck.Run(options, new GateCheckOptions(KeepRows: true));

        Assert.Null(plain.Aligned);
        Assert.NotNull(kept.Aligned);
        Assert.Equal(60, kept.Aligned!.RowCount);
        Assert.Equal(kept.Aligned.ToContingencyTable().Cells, kept.Table.Cells);
        Assert.Equal(plain.Table.Cells.Select(c => c.Count).Order(), kept.Table.Cells.Select(c => c.Count).Order());
        Assert.Equal(plain.Metrics.NmiArithmetic, kept.Metrics.NmiArithmetic, 12);
        Assert.Equal(plain.Verdict, kept.Verdict);
    }

    [Fact]
    public void Fail_on_warn_turns_a_warning_into_a_failure_in_core()
    {
        var options = Options("  nmi: { fail-below: 0.1, warn-below: 0.999 }\n");
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: PerturbedLabels(every: 10)));

        var warned = GateCheck.Run(options);
        var failed = GateCheck.Run(options, new GateCheckOptions(FailOnWarn: true));

        Assert.Equal(Verdict.Warn, warned.Verdict);
        Assert.False(warned.FailedOnWarn);
        Assert.Equal(Verdict.Fail, failed.Verdict);
        Assert.True(failed.FailedOnWarn);
        Assert.Equal(Verdict.Warn, Assert.Single(failed.Rules).Verdict);
    }

    [Fact]
    public void Registration_compares_with_the_latest_version_and_records_it()
    {
        var options = Options("  nmi: { fail-below: 0.9 }\n");
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: PerturbedLabels(every: 3)));

        var second = Registration.Run(options, new RegistrationRequest("test", Note: "retrained"));

        Assert.Equal("v2", second.Version.Name);
        Assert.Equal("v1", second.Previous?.Name);
        Assert.NotNull(second.AgainstPrevious);
        Assert.InRange(second.AgainstPrevious.NmiArithmetic, 0.01, 0.99);
        Assert.Equal(second.AgainstPrevious.NmiArithmetic, second.Version.Manifest.Comparison?.Metrics["nmi_arithmetic"]);
    }

    [Fact]
    public void An_empty_registry_is_an_NmiGateException_with_NMIG4001()
    {
        var options = Options("  nmi: { fail-below: 0.9 }\n");

        var error = Assert.IsAssignableFrom<NmiGateException>(Record.Exception(() => GateCheck.Run(options)));

        Assert.Contains("error NMIG4001", Assert.Single(error.FormatLines()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_check_stops_with_OperationCanceledException()
    {
        var options = Options("  nmi: { fail-below: 0.9 }\n");
        Registration.Run(options, new RegistrationRequest("test"));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => GateCheck.Run(options, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Record_appends_the_result_with_file_hashes_and_max_drop_compares_with_it()
    {
        var options = Options("  nmi: { fail-below: 0.1 }\n  max-drop: { nmi: 0.05 }\n");
        Registration.Run(options, new RegistrationRequest("test"));

        var first = GateCheck.Run(options, new GateCheckOptions(Record: true));
        var second = GateCheck.Run(options);

        var history = Path.Combine(workspace.Root, ".nmigate", "segments", GateHistory.FileName);
        Assert.Equal(history, first.RecordedTo);
        var record = Assert.Single(GateHistory.Read(history));
        Assert.Equal(("v1", "pass", 60L), (record.ReferenceVersion, record.Verdict, record.Rows));
        Assert.Equal(Sha256Hex(options.Model.Path.Value), record.ModelSha256);
        Assert.Equal(Sha256Hex(options.Data.Path.Value), record.DataSha256);
        Assert.Equal(Sha256Hex(Path.Combine(workspace.Root, ".nmigate", "segments", "v1", "partition.csv")), record.ReferenceSha256);
        Assert.Equal(first.Provenance!.ModelSha256, record.ModelSha256);
        Assert.Equal(1.0, record.Metrics["nmi_arithmetic"]!.Value, 12);

        // The first run had no history: its max-drop rule did not apply (a notice), the second compares.
        Assert.Null(first.Rules[1].Verdict);
        Assert.Equal(DiagnosticCode.MaxDropNotApplicable, first.Rules[1].Finding!.Code);
        Assert.Contains("1 not applicable", first.Summary, StringComparison.Ordinal);
        Assert.Equal(Verdict.Pass, second.Rules[1].Verdict);
        Assert.Equal(0.0, second.Rules[1].Delta!.Value, 12);
        Assert.Equal((record.Time, record.ModelSha256), (second.PreviousRecord!.Time, second.PreviousRecord.ModelSha256));
        Assert.Null(second.RecordedTo);
        Assert.Single(GateHistory.Read(history));
    }

    [Fact]
    public void Max_drop_ignores_history_of_another_reference_version_and_fails_on_a_drop_for_its_own()
    {
        var options = Options("  nmi: { fail-below: 0.1 }\n  max-drop: { nmi: 0.05 }\n");
        Registration.Run(options, new RegistrationRequest("test"));
        var recorded = GateCheck.Run(options, new GateCheckOptions(Record: true));
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: PerturbedLabels(every: 4)));

        var otherVersion = GateCheck.Run(options);
        var history = recorded.RecordedTo!;
        GateHistory.Append(history, GateHistory.Read(history)[0] with { ReferenceVersion = "v2" });
        var dropped = GateCheck.Run(options);

        Assert.Equal("v2", otherVersion.ReferenceVersion);
        Assert.Equal(DiagnosticCode.MaxDropNotApplicable, otherVersion.Rules[1].Finding!.Code);
        Assert.Equal(Verdict.Pass, otherVersion.Verdict);
        Assert.Equal(Verdict.Fail, dropped.Verdict);
        Assert.Equal(DiagnosticCode.MaxDropExceeded, dropped.Rules[1].Finding!.Code);
        Assert.True(dropped.Rules[1].Delta < -0.05);
        Assert.True(dropped.IsEvaluated);
    }

    [Fact]
    public void A_corrupted_history_stops_the_check_naming_file_and_line()
    {
        var options = Options("  max-drop: { nmi: 0.05 }\n");
        Registration.Run(options, new RegistrationRequest("test"));
        var history = workspace.WriteText(Path.Combine(".nmigate", "segments", GateHistory.FileName), "not json\n");

        var error = Assert.Throws<GateException>(() => GateCheck.Run(options));

        Assert.StartsWith($"{history}(1,1): error NMIG2016", Assert.Single(error.FormatLines()), StringComparison.Ordinal);
    }

    [Fact]
    public void Slices_of_a_held_out_column_get_metrics_rules_and_a_too_small_warning()
    {
        var data = DataWithRegion(i => i < 3 ? "islands" : i % 2 == 0 ? "north" : "south");
        var options = Options("  nmi: { fail-below: 0.9 }\n", data, "slices:\n  - column: region\n    min-rows: 10\n    nmi: { fail-below: 0.9 }\n");
        Registration.Run(options, new RegistrationRequest("test"));

        var result = GateCheck.Run(options);

        Assert.Equal(["region=islands", "region=north", "region=south"], result.Slices.Select(s => s.Name));
        Assert.Equal([3L, 28L, 29L], result.Slices.Select(s => s.RowCount));
        Assert.True(result.Slices[0].IsTooSmall);
        Assert.Equal(1.0, result.Slices[1].Metrics!.NmiArithmetic, 12);
        Assert.Equal(Verdict.Pass, Assert.Single(result.Slices[2].Rules).Verdict);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(DiagnosticCode.SliceTooSmall, finding.Code);
        Assert.Equal(ValueSource.InFile(options.ConfigurationFile, 11, 13), finding.Location);
        Assert.Equal(Verdict.Warn, result.Verdict);
        Assert.Contains("1 slice too small", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_slice_column_is_an_error_at_its_nmigate_yml_line_naming_the_data_file()
    {
        var options = Options("  nmi: { fail-below: 0.9 }\n", slices: "slices:\n  - column: regoin\n");
        Registration.Run(options, new RegistrationRequest("test"));

        var error = Assert.Throws<GateException>(() => GateCheck.Run(options));

        Assert.Equal(DiagnosticCode.SliceColumnMissing, error.Code);
        var line = Assert.Single(error.FormatLines());
        Assert.StartsWith($"{options.ConfigurationFile}(11,13): error NMIG2014: slice column `regoin` is not in the header of the data file {options.Data.Path.Value}", line, StringComparison.Ordinal);
        Assert.Contains("id, x1, x2, x3, x4", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_on_interval_reports_seeded_intervals_in_the_result_and_the_same_verdict_on_a_rerun()
    {
        var options = Options("  nmi: { fail-below: 0.5 }\n", slices: "confidence: { level: 0.9, resamples: 200, seed: 11, gate-on: interval }\n");
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: PerturbedLabels(every: 5)));

        var first = GateCheck.Run(options);
        var again = GateCheck.Run(options);

        var interval = first.Rules[0].Interval!.Value;
        Assert.Equal((0.9, 200), (interval.Level, interval.Resamples));
        Assert.True(interval.Lower <= interval.Upper && interval.Upper < 1.0);
        Assert.Equal(interval, again.Rules[0].Interval);
        Assert.Equal(interval, first.Intervals["nmi_arithmetic"]);
        Assert.Equal(11UL, first.Provenance!.Seed);
        Assert.Equal(first.Verdict, again.Verdict);
        Assert.True(first.Rules[0].JudgedOnInterval);
    }

    private static string Sha256Hex(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private string DataWithRegion(Func<int, string> region)
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures, "kmeans-3.csv"));
        var withRegion = lines.Select((line, i) => i == 0 ? line + ",region" : $"{line},{region(i - 1)}");
        return workspace.WriteText("holdout.csv", string.Join('\n', withRegion) + "\n");
    }

    private GateOptions Options(string thresholds, string? data = null, string slices = "")
    {
        var config = workspace.WriteText("nmigate.yml", $"""
            version: 1
            name: segments
            model:
              path: {Path.Combine(Fixtures, "kmeans-3.zip")}
            data:
              path: {data ?? Path.Combine(Fixtures, "kmeans-3.csv")}
              id-column: id
            reference:
              registry: .nmigate

            """ + slices + "thresholds:\n" + thresholds);
        return GateConfiguration.Load(config);
    }

    private string PerturbedLabels(int every)
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures, "kmeans-3.partition.csv"));
        for (var i = 1; i < lines.Length; i += every)
        {
            var parts = lines[i].Split(',');
            lines[i] = string.Create(CultureInfo.InvariantCulture, $"{parts[0]},{(int.Parse(parts[1], CultureInfo.InvariantCulture) % 3) + 1}");
        }

        return workspace.WriteText("labels.csv", string.Join('\n', lines) + "\n");
    }
}
