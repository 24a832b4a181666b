using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Tests.Configuration;

public sealed class ConfigurationPrecedenceTests : IDisposable
{
    private readonly ConfigWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void The_file_wins_over_the_default()
    {
        var options = workspace.BuildValid(ConfigYaml.MinimalWith("name: gate", "name: gate\nreference:\n  version: v2"));

        Assert.Equal("v2", options.Reference.Version.Value);
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 4, 12), options.Reference.Version.Source);
    }

    [Fact]
    public void An_override_wins_over_the_file_and_resolves_paths_against_its_own_folder()
    {
        var elsewhere = workspace.AddFile("elsewhere/other.csv", "customer_id\n");
        var overrides = new GateOverrides
        {
            BaseDirectory = Path.Combine(workspace.Root, "elsewhere"),
            Origin = "command line",
            DataPath = "other.csv",
            ReferenceVersion = "v2",
            Thresholds = new Dictionary<GateMetric, ThresholdOverride> { [GateMetric.Nmi] = new(FailBelow: 0.5, Average: AverageMethod.Max) },
        };

        var options = workspace.BuildValid(ConfigYaml.Minimal, overrides);

        Assert.Equal(elsewhere, options.Data.Path.Value);
        Assert.Equal(ValueSource.Override("command line"), options.Data.Path.Source);
        Assert.Equal("v2", options.Reference.Version.Value);
        Assert.Equal(ValueOrigin.Override, options.Reference.Version.Source.Origin);
        var nmi = options.Thresholds[GateMetric.Nmi]!;
        Assert.Equal(0.5, nmi.FailBelow!.Value.Value);
        Assert.Equal(AverageMethod.Max, nmi.Average!.Value.Value);
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 9, 3), nmi.Source);
        Assert.Equal("customer_id", options.Data.IdColumn.Value);
        Assert.Equal(ValueOrigin.File, options.Data.IdColumn.Source.Origin);
    }

    [Fact]
    public void A_later_override_wins_over_an_earlier_one()
    {
        var first = new GateOverrides { BaseDirectory = workspace.Root, Origin = "MSBuild", ReferenceVersion = "v2", Name = "first" };
        var second = new GateOverrides { BaseDirectory = workspace.Root, Origin = "command line", ReferenceVersion = "v5" };

        var options = workspace.BuildValid(ConfigYaml.Minimal, first, second);

        Assert.Equal("v5", options.Reference.Version.Value);
        Assert.Equal(ValueSource.Override("command line"), options.Reference.Version.Source);
        Assert.Equal("first", options.Name.Value);
    }

    [Fact]
    public void An_override_can_supply_a_key_the_file_is_missing_and_add_a_metric()
    {
        var overrides = new GateOverrides
        {
            BaseDirectory = workspace.Root,
            IdColumn = "customer_id",
            Thresholds = new Dictionary<GateMetric, ThresholdOverride> { [GateMetric.Ari] = new(FailBelow: -0.2) },
        };

        var options = workspace.BuildValid(ConfigYaml.MinimalWith("  id-column: customer_id\n", string.Empty), overrides);

        Assert.Equal("customer_id", options.Data.IdColumn.Value);
        Assert.Equal(-0.2, options.Thresholds[GateMetric.Ari]!.FailBelow!.Value.Value);
        Assert.Equal(ValueSource.Override("override"), options.Thresholds[GateMetric.Ari]!.Source);
    }

    [Fact]
    public void A_missing_file_given_by_an_override_is_NMIG1009_against_the_override()
    {
        var overrides = new GateOverrides { BaseDirectory = workspace.Root, Origin = "MSBuild", ModelPath = "bin/missing.zip" };

        var problem = workspace.SingleProblem(ConfigYaml.Minimal, overrides);

        Assert.Equal(
            $"MSBuild: error NMIG1009: `model.path`: file `{Path.Combine(workspace.Root, "bin", "missing.zip")}` does not exist",
            problem.ToString());
    }

    [Fact]
    public void A_bad_override_is_reported_against_its_origin_with_the_same_checks_as_the_file()
    {
        var overrides = new GateOverrides
        {
            BaseDirectory = workspace.Root,
            Origin = "command line",
            ReferenceVersion = "newest",
            Thresholds = new Dictionary<GateMetric, ThresholdOverride> { [GateMetric.Nmi] = new(FailBelow: 1.2) },
        };

        var result = workspace.Build(ConfigYaml.Minimal, overrides);

        Assert.Collection(
            result.Problems,
            p =>
            {
                Assert.Equal(DiagnosticCode.InvalidValue, p.Code);
                Assert.Equal("command line: error NMIG1013: reference.version: `newest` is not valid; expected `latest` or a registered version such as `v3`", p.ToString());
            },
            p =>
            {
                Assert.Equal(DiagnosticCode.OutOfRange, p.Code);
                Assert.Equal("thresholds.nmi.fail-below: 1.2 is out of range; expected a value in [0, 1]", p.Message);
            });
    }
}
