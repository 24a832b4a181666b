using NmiGate.Core.Configuration;
using NmiGate.Core.Metrics;

namespace NmiGate.Core.Tests.Configuration;

public sealed class ConfigurationReaderTests : IDisposable
{
    private readonly ConfigWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_valid_full_file_builds_the_expected_options_with_paths_relative_to_the_config_folder()
    {
        var fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Configuration", "Fixtures", "full.nmigate.yml"));

        var options = workspace.BuildValid(fixture);

        var file = workspace.ConfigPath;
        Assert.Equal(file, options.ConfigurationFile);
        Assert.Equal(1, options.Version.Value);
        Assert.Equal("customer-segments", options.Name.Value);
        Assert.Equal(ValueSource.InFile(file, 3, 7), options.Name.Source);
        Assert.Equal(Path.Combine(workspace.Root, "artifacts", "segmenter.zip"), options.Model.Path.Value);
        Assert.Equal(ValueSource.InFile(file, 5, 9), options.Model.Path.Source);
        Assert.Equal("Cluster", options.Model.PredictedColumn.Value);
        Assert.Equal(Path.Combine(workspace.Root, "data", "holdout.csv"), options.Data.Path.Value);
        Assert.Equal("customer_id", options.Data.IdColumn.Value);
        Assert.Equal(';', options.Data.Separator.Value);
        Assert.Equal(ValueOrigin.File, options.Data.Separator.Source.Origin);
        Assert.Equal(["Features", "Region"], options.Data.Columns.Keys);
        Assert.Equal(["age", "income", "visits"], options.Data.Columns["Features"].Value);
        Assert.Equal(ValueSource.InFile(file, 12, 15), options.Data.Columns["Features"].Source);
        Assert.Equal(Path.Combine(workspace.Root, "registry"), options.Reference.Registry.Value);
        Assert.Equal("v3", options.Reference.Version.Value);
        Assert.False(options.Reference.IsLatest);

        Assert.Equal([GateMetric.Nmi, GateMetric.Ami, GateMetric.Ari, GateMetric.VMeasure], options.Thresholds.Metrics.Keys);
        var nmi = options.Thresholds[GateMetric.Nmi]!;
        Assert.Equal(AverageMethod.Geometric, nmi.Average!.Value.Value);
        Assert.Equal(0.80, nmi.FailBelow!.Value.Value);
        Assert.Equal(0.90, nmi.WarnBelow!.Value.Value);
        Assert.Equal(ValueSource.InFile(file, 18, 3), nmi.Source);
        Assert.Equal(ValueSource.InFile(file, 18, 42), nmi.FailBelow.Value.Source);
        var ami = options.Thresholds[GateMetric.Ami]!;
        Assert.Equal(AverageMethod.Arithmetic, ami.Average!.Value.Value);
        Assert.Equal(ValueOrigin.Default, ami.Average.Value.Source.Origin);
        Assert.Null(ami.WarnBelow);
        var ari = options.Thresholds[GateMetric.Ari]!;
        Assert.Null(ari.Average);
        Assert.Null(ari.FailBelow);
        Assert.Equal(-0.5, ari.WarnBelow!.Value.Value);
        Assert.Equal(0.6, options.Thresholds[GateMetric.VMeasure]!.FailBelow!.Value.Value);
        Assert.Null(options.Thresholds[GateMetric.Rand]);
    }

    [Fact]
    public void Defaults_apply_when_optional_keys_are_absent_and_say_they_are_defaults()
    {
        var options = workspace.BuildValid(ConfigYaml.Minimal);

        Assert.Equal(ModelOptions.DefaultPredictedColumn, options.Model.PredictedColumn.Value);
        Assert.Equal(ValueSource.Default, options.Model.PredictedColumn.Source);
        Assert.Equal(',', options.Data.Separator.Value);
        Assert.Equal(ValueSource.Default, options.Data.Separator.Source);
        Assert.Empty(options.Data.Columns);
        Assert.Equal(Path.Combine(workspace.Root, ".nmigate"), options.Reference.Registry.Value);
        Assert.Equal(ValueSource.Default, options.Reference.Registry.Source);
        Assert.Equal(ReferenceOptions.Latest, options.Reference.Version.Value);
        Assert.True(options.Reference.IsLatest);
        var nmi = Assert.Single(options.Thresholds.Metrics).Value;
        Assert.Equal(AverageMethod.Arithmetic, nmi.Average!.Value.Value);
        Assert.Null(nmi.WarnBelow);
    }

    [Fact]
    public void A_tsv_data_file_defaults_to_a_tab_separator()
    {
        workspace.AddFile("data/holdout.tsv", "customer_id\tage\n");

        var options = workspace.BuildValid(ConfigYaml.MinimalWith("holdout.csv", "holdout.tsv"));

        Assert.Equal('\t', options.Data.Separator.Value);
    }

    [Fact]
    public void An_escaped_tab_separator_is_read_as_a_tab()
    {
        var options = workspace.BuildValid(ConfigYaml.MinimalWith("  id-column: customer_id", "  id-column: customer_id\n  separator: \"\\t\""));

        Assert.Equal('\t', options.Data.Separator.Value);
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 8, 14), options.Data.Separator.Source);
    }

    [Fact]
    public void A_data_file_with_another_extension_is_accepted_when_the_separator_is_given()
    {
        workspace.AddFile("data/holdout.txt", "customer_id|age\n");

        var options = workspace.BuildValid(ConfigYaml.MinimalWith("path: data/holdout.csv", "path: data/holdout.txt\n  separator: \"|\""));

        Assert.Equal('|', options.Data.Separator.Value);
    }

    [Fact]
    public void Load_throws_a_configuration_exception_carrying_every_problem()
    {
        File.WriteAllText(workspace.ConfigPath, ConfigYaml.MinimalWith("version: 1", "version: 2").Replace("name: gate", "name: Gate", StringComparison.Ordinal));

        var error = Assert.Throws<ConfigurationException>(() => GateConfiguration.Load(workspace.ConfigPath));

        Assert.Equal(2, error.Problems.Count);
        Assert.Equal(ConfigurationProblemFormatter.Format(error.Problems), error.Message);
    }
}
