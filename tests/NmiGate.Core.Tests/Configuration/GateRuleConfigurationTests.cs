using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Metrics;
using NmiGate.Core.Reporting;

namespace NmiGate.Core.Tests.Configuration;

/// <summary>The rule keys of <c>nmigate.yml</c>: <c>confidence</c>, <c>thresholds.max-drop</c> and <c>slices</c>, bound and refused with line and column.</summary>
public sealed class GateRuleConfigurationTests : IDisposable
{
    private readonly ConfigWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Confidence_binds_every_key_with_its_source()
    {
        var options = workspace.BuildValid(ConfigYaml.Minimal + "\nconfidence: { level: 0.9, resamples: 500, seed: 7, gate-on: interval }\n");

        var confidence = options.Confidence!;
        Assert.Equal((0.9, 500, 7UL, GateOn.Interval), (confidence.Level.Value, confidence.Resamples.Value, confidence.Seed.Value, confidence.GateOn.Value));
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 11, 61), confidence.GateOn.Source);
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 11, 1), confidence.Source);
    }

    [Fact]
    public void Confidence_defaults_to_95_percent_1000_resamples_seed_0_on_the_point_value_and_is_absent_by_default()
    {
        var defaults = workspace.BuildValid(ConfigYaml.Minimal + "\nconfidence: {}\n").Confidence!;
        var absent = workspace.BuildValid(ConfigYaml.Minimal).Confidence;

        Assert.Equal((0.95, 1000, 0UL, GateOn.Point), (defaults.Level.Value, defaults.Resamples.Value, defaults.Seed.Value, defaults.GateOn.Value));
        Assert.Equal(ValueOrigin.Default, defaults.GateOn.Source.Origin);
        Assert.Null(absent);
    }

    [Theory]
    [InlineData("confidence: { gate-on: lower-bound }", DiagnosticCode.UnknownName, 11, 24, "confidence.gate-on: unknown gate-on mode `lower-bound`; expected one of: point, interval")]
    [InlineData("confidence: { level: 1.5 }", DiagnosticCode.OutOfRange, 11, 22, "confidence.level: 1.5 is out of range; expected a value in [0.5, 0.999]")]
    [InlineData("confidence: { resamples: 10 }", DiagnosticCode.OutOfRange, 11, 26, "confidence.resamples: 10 is out of range; expected a value in [100, 100000]")]
    [InlineData("confidence: { seed: -1 }", DiagnosticCode.OutOfRange, 11, 21, "confidence.seed: -1 is out of range; expected a value of at least 0")]
    [InlineData("confidence: { seed: 1.5 }", DiagnosticCode.WrongType, 11, 21, "`confidence.seed` expects a whole number, found the number `1.5`")]
    [InlineData("confidence: { levle: 0.9 }", DiagnosticCode.UnknownKey, 11, 15, "unknown key `levle` in `confidence`; expected one of: level, resamples, seed, gate-on")]
    public void Bad_confidence_keys_are_reported_at_their_line_and_column(string yaml, DiagnosticCode code, int line, int column, string message)
    {
        var problem = workspace.SingleProblem(ConfigYaml.Minimal + "\n" + yaml + "\n");

        Assert.Equal((code, workspace.ConfigPath, line, column), (problem.Code, problem.File, problem.Line, problem.Column));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_charts_binds_mermaid_with_its_source_defaults_to_none_and_is_absent_by_default()
    {
        var mermaid = workspace.BuildValid(ConfigYaml.Minimal + "\nreport: { charts: mermaid }\n").Report!;
        var defaults = workspace.BuildValid(ConfigYaml.Minimal + "\nreport: {}\n").Report!;
        var absent = workspace.BuildValid(ConfigYaml.Minimal).Report;

        Assert.Equal(ReportCharts.Mermaid, mermaid.Charts.Value);
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 11, 19), mermaid.Charts.Source);
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 11, 1), mermaid.Source);
        Assert.Equal((ReportCharts.None, ValueOrigin.Default), (defaults.Charts.Value, defaults.Charts.Source.Origin));
        Assert.Null(absent);
    }

    [Theory]
    [InlineData("report: { charts: pie }", DiagnosticCode.UnknownName, 11, 19, "report.charts: unknown chart kind `pie`; expected one of: none, mermaid")]
    [InlineData("report: { chart: mermaid }", DiagnosticCode.UnknownKey, 11, 11, "unknown key `chart` in `report`; expected one of: charts")]
    [InlineData("report: mermaid", DiagnosticCode.WrongType, 11, 9, "`report` expects a mapping")]
    public void Bad_report_keys_are_reported_at_their_line_and_column(string yaml, DiagnosticCode code, int line, int column, string message)
    {
        var problem = workspace.SingleProblem(ConfigYaml.Minimal + "\n" + yaml + "\n");

        Assert.Equal((code, workspace.ConfigPath, line, column), (problem.Code, problem.File, problem.Line, problem.Column));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_drop_binds_per_metric_and_may_be_the_only_rule()
    {
        var options = workspace.BuildValid(ConfigYaml.MinimalWith("  nmi:\n    fail-below: 0.8", "  max-drop: { nmi: 0.05, ari: 1.5 }"));

        Assert.Empty(options.Thresholds.Metrics);
        Assert.Equal([GateMetric.Nmi, GateMetric.Ari], options.Thresholds.MaxDrop.Keys);
        Assert.Equal(0.05, options.Thresholds.MaxDrop[GateMetric.Nmi].Value);
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 9, 20), options.Thresholds.MaxDrop[GateMetric.Nmi].Source);
        Assert.True(options.Thresholds.HasRules);
    }

    [Theory]
    [InlineData("  max-drop: { nmj: 0.05 }", DiagnosticCode.UnknownName, 9, 15, "unknown metric `nmj` in `thresholds.max-drop`")]
    [InlineData("  max-drop: { nmi: 1.5 }", DiagnosticCode.OutOfRange, 9, 20, "thresholds.max-drop.nmi: 1.5 is out of range; expected a value in [0, 1]")]
    [InlineData("  max-drop: {}", DiagnosticCode.MissingKey, 9, 3, "`thresholds.max-drop` is empty")]
    public void Bad_max_drop_keys_are_reported_at_their_line_and_column(string yaml, DiagnosticCode code, int line, int column, string message)
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("  nmi:\n    fail-below: 0.8", yaml));

        Assert.Equal((code, line, column), (problem.Code, problem.Line, problem.Column));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slices_bind_column_min_rows_and_thresholds_in_file_order()
    {
        var options = workspace.BuildValid(ConfigYaml.Minimal + """

            slices:
              - column: region
                min-rows: 20
                nmi: { average: max, fail-below: 0.7, warn-below: 0.8 }
              - column: plan
                ami: { fail-below: 0.5 }
            """);

        Assert.Equal(2, options.Slices.Count);
        var region = options.Slices[0];
        Assert.Equal(("region", 20), (region.Column.Value, region.MinRows.Value));
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 12, 13), region.Column.Source);
        var nmi = region.Thresholds[GateMetric.Nmi]!;
        Assert.Equal((AverageMethod.Max, 0.7, 0.8), (nmi.Average!.Value.Value, nmi.FailBelow!.Value.Value, nmi.WarnBelow!.Value.Value));
        var plan = options.Slices[1];
        Assert.Equal(SliceOptions.DefaultMinRows, plan.MinRows.Value);
        Assert.Equal(ValueOrigin.Default, plan.MinRows.Source.Origin);
        Assert.Equal(AverageMethod.Arithmetic, plan.Thresholds[GateMetric.Ami]!.Average!.Value.Value);
        Assert.Empty(plan.Thresholds.MaxDrop);
    }

    [Theory]
    [InlineData("slices:\n  - min-rows: 20\n", DiagnosticCode.MissingKey, 13, 5, "missing required key `column` in `slices[0]`")]
    [InlineData("slices:\n  - column: region\n    min-rows: 0\n", DiagnosticCode.OutOfRange, 14, 15, "slices[0].min-rows: 0 is out of range")]
    [InlineData("slices:\n  - column: region\n    nmi: { fail-below: 0.8, warn-below: 0.7 }\n", DiagnosticCode.WarnBelowFail, 14, 41, "`slices[0].nmi.warn-below` (0.7) is lower than `fail-below` (0.8)")]
    [InlineData("slices:\n  - column: region\n    nmi: { average: max }\n", DiagnosticCode.MissingKey, 14, 5, "`slices[0].nmi` sets none of `fail-below`, `warn-below`")]
    [InlineData("slices:\n  - column: region\n    max-drop: { nmi: 0.1 }\n", DiagnosticCode.UnknownKey, 14, 5, "unknown key `max-drop` in `slices[0]`")]
    [InlineData("slices: []\n", DiagnosticCode.InvalidValue, 12, 9, "slices: expected at least 1 item(s)")]
    [InlineData("slices: { column: region }\n", DiagnosticCode.WrongType, 12, 9, "`slices` expects a list")]
    public void Bad_slices_are_reported_at_their_line_and_column(string yaml, DiagnosticCode code, int line, int column, string message)
    {
        var problem = workspace.SingleProblem(ConfigYaml.Minimal + "\n\n" + yaml);

        Assert.Equal((code, line, column), (problem.Code, problem.Line, problem.Column));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }
}
