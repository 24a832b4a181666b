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

    private GateOptions Options(string thresholds)
    {
        var config = workspace.WriteText("nmigate.yml", $"""
            version: 1
            name: segments
            model:
              path: {Path.Combine(Fixtures, "kmeans-3.zip")}
            data:
              path: {Path.Combine(Fixtures, "kmeans-3.csv")}
              id-column: id
            thresholds:

            """ + thresholds);
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
