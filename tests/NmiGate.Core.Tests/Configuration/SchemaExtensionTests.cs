using NmiGate.Core.Configuration;
using NmiGate.Core.Configuration.Schema;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Tests.Configuration;

/// <summary>
/// Later keys (<c>slices</c>, <c>report</c>, <c>confidence</c>) are declarations, not parsing code: a schema
/// with a list of mappings and an enum is read and validated by the same walker, with located problems.
/// </summary>
public sealed class SchemaExtensionTests : IDisposable
{
    private static readonly ObjectSchema Extended = new(
    [
        new("slices", new ListSchema(new ObjectSchema(
        [
            new("column", new ScalarSchema(ScalarKind.Text) { MinLength = 1 }, Required: true),
            new("min-rows", new ScalarSchema(ScalarKind.WholeNumber) { Minimum = 1 }, Default: 50L),
        ]))),
        new("report", new ObjectSchema(
        [
            new("charts", new ScalarSchema(ScalarKind.Text) { Allowed = ["none", "mermaid"], ValueNoun = "chart style" }, Default: "none"),
        ])),
    ]);

    private readonly ConfigWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_declared_list_of_mappings_is_read_with_full_paths_and_sources()
    {
        var file = Read("slices:\n  - column: region\n    min-rows: 20\n  - column: plan\nreport:\n  charts: mermaid\n", out var problems);

        Assert.Empty(problems);
        Assert.True(file.Values.TryGet("slices", out var slices));
        var items = (IReadOnlyList<ConfigEntry>)slices.Value;
        Assert.Equal(2, items.Count);
        var second = (ConfigLayer)items[1].Value;
        Assert.True(second.TryGet("slices[1].column", out var column));
        Assert.Equal("plan", column.Value);
        Assert.Equal(ValueSource.InFile(workspace.ConfigPath, 4, 13), column.Source);
        Assert.True(((ConfigLayer)items[0].Value).TryGet("slices[0].min-rows", out var minRows));
        Assert.Equal(20L, minRows.Value);
    }

    [Fact]
    public void Problems_inside_a_declared_list_item_are_located_and_named_by_index()
    {
        Read("slices:\n  - column: region\n    min-rows: 0\n  - colum: plan\nreport:\n  charts: svg\n", out var problems);

        Assert.Equal(
            [
                (DiagnosticCode.OutOfRange, 3, 15, "slices[0].min-rows: 0 is out of range; expected a value of at least 1"),
                (DiagnosticCode.UnknownKey, 4, 5, "unknown key `colum` in `slices[1]`; expected one of: column, min-rows"),
                (DiagnosticCode.UnknownName, 6, 11, "report.charts: unknown chart style `svg`; expected one of: none, mermaid"),
            ],
            problems.Select(p => (p.Code, p.Line, p.Column, p.Message)));
    }

    [Fact]
    public void A_required_key_missing_from_a_list_item_is_reported_at_the_item()
    {
        Read("slices:\n  - column: region\n  - min-rows: 20\n", out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal((DiagnosticCode.MissingKey, 3, 5, "missing required key `column` in `slices[1]`"), (problem.Code, problem.Line, problem.Column, problem.Message));
    }

    private ConfigFile Read(string yaml, out List<ConfigurationProblem> problems)
    {
        File.WriteAllText(workspace.ConfigPath, yaml);
        var file = ConfigFileReader.Read(workspace.ConfigPath, Extended);
        problems = [.. file.Problems, .. GateOptionsValidator.Validate(file.Values, file.Path, Extended)];
        problems.Sort((a, b) => (a.Line, a.Column).CompareTo((b.Line, b.Column)));
        return file;
    }
}
