using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Tests.Configuration;

/// <summary>One test per kind of error: its code, line, column and words. Line numbers refer to <see cref="ConfigYaml.Minimal"/>.</summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly ConfigWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_misspelt_key_is_NMIG1001_at_the_key_with_the_closest_valid_key_suggested()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("fail-below: 0.8", "fail-bellow: 0.8"));

        AssertProblem(problem, DiagnosticCode.UnknownKey, 10, 5, "unknown key `fail-bellow` in `thresholds.nmi`; expected one of: average, fail-below, warn-below");
        Assert.Equal("fail-below", problem.Suggestion);
        Assert.Equal(
            $"{workspace.ConfigPath}(10,5): error NMIG1001: unknown key `fail-bellow` in `thresholds.nmi`; expected one of: average, fail-below, warn-below; did you mean `fail-below`?",
            problem.ToString());
    }

    [Fact]
    public void An_unknown_key_far_from_every_valid_key_gets_no_suggestion()
    {
        var problem = workspace.SingleProblem(ConfigYaml.Minimal + "\ncolour: red");

        AssertProblem(problem, DiagnosticCode.UnknownKey, 11, 1, "unknown key `colour`; expected one of: version, name, model, data, reference, thresholds, confidence, slices, report");
        Assert.Null(problem.Suggestion);
    }

    [Fact]
    public void A_text_where_a_number_is_expected_is_NMIG1002()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("fail-below: 0.8", "fail-below: high"));

        AssertProblem(problem, DiagnosticCode.WrongType, 10, 17, "`thresholds.nmi.fail-below` expects a number, found the text `high`");
    }

    [Fact]
    public void A_quoted_number_is_NMIG1002_and_says_to_remove_the_quotes()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("fail-below: 0.8", "fail-below: \"0.8\""));

        AssertProblem(problem, DiagnosticCode.WrongType, 10, 17, "`thresholds.nmi.fail-below` expects a number, found the quoted text `0.8`; remove the quotes");
    }

    [Fact]
    public void A_number_where_a_text_is_expected_is_NMIG1002_and_says_to_quote_it()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("id-column: customer_id", "id-column: 2024"));

        AssertProblem(problem, DiagnosticCode.WrongType, 7, 14, "`data.id-column` expects a text, found the whole number `2024`; quote it (\"2024\") to make it text");
    }

    [Fact]
    public void A_scalar_where_a_mapping_is_expected_is_NMIG1002_and_not_also_missing_keys()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("model:\n  path: artifacts/segmenter.zip", "model: artifacts/segmenter.zip"));

        AssertProblem(problem, DiagnosticCode.WrongType, 3, 8, "`model` expects a mapping, found the text `artifacts/segmenter.zip`");
    }

    [Fact]
    public void An_empty_value_where_a_mapping_is_expected_is_NMIG1002_naming_null()
    {
        var problem = workspace.SingleProblem(ConfigYaml.Minimal + "\nreference:");

        AssertProblem(problem, DiagnosticCode.WrongType, 11, 11, "`reference` expects a mapping, found nothing (null)");
    }

    [Fact]
    public void A_missing_top_level_key_is_NMIG1003_at_the_start_of_the_file()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("name: gate\n", string.Empty));

        AssertProblem(problem, DiagnosticCode.MissingKey, 1, 1, "missing required key `name`");
    }

    [Fact]
    public void A_missing_nested_key_is_NMIG1003_at_its_section()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("  id-column: customer_id\n", string.Empty));

        AssertProblem(problem, DiagnosticCode.MissingKey, 5, 1, "missing required key `id-column` in `data`");
    }

    [Fact]
    public void A_metric_without_any_threshold_is_NMIG1003_at_the_metric()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("    fail-below: 0.8", "    average: min"));

        AssertProblem(problem, DiagnosticCode.MissingKey, 9, 3, "`thresholds.nmi` sets none of `fail-below`, `warn-below`; expected at least one");
    }

    [Fact]
    public void Empty_thresholds_are_NMIG1003()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("thresholds:\n  nmi:\n    fail-below: 0.8", "thresholds: {}"));

        AssertProblem(problem, DiagnosticCode.MissingKey, 8, 1, "`thresholds` is empty; expected at least 1 metric of: nmi, ami, ari, rand, homogeneity, completeness, v-measure, fmi, max-drop");
    }

    [Fact]
    public void A_threshold_above_one_is_NMIG1004()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("fail-below: 0.8", "fail-below: 1.5"));

        AssertProblem(problem, DiagnosticCode.OutOfRange, 10, 17, "thresholds.nmi.fail-below: 1.5 is out of range; expected a value in [0, 1]");
    }

    [Fact]
    public void A_negative_ari_threshold_is_allowed_down_to_minus_one_only()
    {
        var ari = ConfigYaml.Minimal + "\n  ari:\n    fail-below: {0}";
        workspace.BuildValid(ari.Replace("{0}", "-0.5", StringComparison.Ordinal));

        var problem = workspace.SingleProblem(ari.Replace("{0}", "-1.5", StringComparison.Ordinal));

        AssertProblem(problem, DiagnosticCode.OutOfRange, 12, 17, "thresholds.ari.fail-below: -1.5 is out of range; expected a value in [-1, 1]");
    }

    [Fact]
    public void A_non_finite_threshold_is_NMIG1004()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("fail-below: 0.8", "fail-below: .nan"));

        AssertProblem(problem, DiagnosticCode.OutOfRange, 10, 17, "thresholds.nmi.fail-below: expected a finite number");
    }

    [Fact]
    public void Warn_below_lower_than_fail_below_is_NMIG1005_at_warn_below()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("fail-below: 0.8", "fail-below: 0.8\n    warn-below: 0.7"));

        AssertProblem(problem, DiagnosticCode.WarnBelowFail, 11, 17, "`thresholds.nmi.warn-below` (0.7) is lower than `fail-below` (0.8); the warning band must lie at or above the failure threshold");
    }

    [Fact]
    public void An_unknown_average_is_NMIG1006_with_the_closest_average_suggested()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("    fail-below: 0.8", "    average: arithmatic\n    fail-below: 0.8"));

        AssertProblem(problem, DiagnosticCode.UnknownName, 10, 14, "thresholds.nmi.average: unknown average method `arithmatic`; expected one of: min, geometric, arithmetic, max");
        Assert.Equal("arithmetic", problem.Suggestion);
    }

    [Fact]
    public void An_unknown_metric_is_NMIG1006_with_the_closest_metric_suggested()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("  nmi:", "  v_measure:"));

        AssertProblem(problem, DiagnosticCode.UnknownName, 9, 3, "unknown metric `v_measure` in `thresholds`; expected one of: nmi, ami, ari, rand, homogeneity, completeness, v-measure, fmi, max-drop");
        Assert.Equal("v-measure", problem.Suggestion);
    }

    [Fact]
    public void Average_on_a_metric_without_one_is_an_unknown_key()
    {
        var problem = workspace.SingleProblem(ConfigYaml.Minimal + "\n  ari: { average: max, fail-below: 0.5 }");

        AssertProblem(problem, DiagnosticCode.UnknownKey, 11, 10, "unknown key `average` in `thresholds.ari`; expected one of: fail-below, warn-below");
    }

    [Fact]
    public void Another_version_is_NMIG1007()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("version: 1", "version: 2"));

        AssertProblem(problem, DiagnosticCode.UnsupportedVersion, 1, 10, "version: 2 is not supported; expected 1");
    }

    [Fact]
    public void A_duplicate_key_is_NMIG1008_at_the_second_occurrence()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("name: gate", "name: gate\nname: other"));

        AssertProblem(problem, DiagnosticCode.DuplicateKey, 3, 1, "duplicate key `name`; it is first defined at line 2");
    }

    [Fact]
    public void A_missing_model_file_is_NMIG1009_at_the_model_path_line()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("artifacts/segmenter.zip", "artifacts/missing.zip"));

        var expected = Path.Combine(workspace.Root, "artifacts", "missing.zip");
        AssertProblem(problem, DiagnosticCode.FileNotFound, 4, 9, $"`model.path`: file `{expected}` does not exist");
    }

    [Fact]
    public void A_data_path_naming_a_directory_is_NMIG1009_at_the_data_path_line()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("data/holdout.csv", "data"));

        AssertProblem(problem, DiagnosticCode.FileNotFound, 6, 9, $"`data.path`: `{Path.Combine(workspace.Root, "data")}` is a directory; expected a file");
    }

    [Fact]
    public void A_missing_configuration_file_is_NMIG1009_naming_the_file()
    {
        var missing = Path.Combine(workspace.Root, "nope", "nmigate.yml");

        var result = GateOptionsBuilder.ForFile(missing).Build();

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, DiagnosticCode.FileNotFound, 0, 0, "configuration file not found");
        Assert.Equal($"{missing}: error NMIG1009: configuration file not found", problem.ToString());
    }

    [Fact]
    public void A_yaml_syntax_error_is_NMIG1010_at_the_offending_position()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("name: gate", "name: \"gate"));

        Assert.Equal(DiagnosticCode.YamlSyntax, problem.Code);
        Assert.Equal(workspace.ConfigPath, problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Equal(7, problem.Column);
        Assert.StartsWith("YAML syntax error: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_gate_name_is_NMIG1011()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("name: gate", "name: Customer Segments"));

        AssertProblem(problem, DiagnosticCode.InvalidGateName, 2, 7, "name: `Customer Segments` is not valid; expected lower-case letters, digits and dashes (e.g. `customer-segments`)");
    }

    [Fact]
    public void An_alias_is_NMIG1012_at_the_alias()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("fail-below: 0.8", "fail-below: &threshold 0.8\n    warn-below: *threshold"));

        AssertProblem(problem, DiagnosticCode.UnsupportedYamlFeature, 11, 17, "alias `*threshold` is not supported (aliases can expand without bound); repeat the value instead");
    }

    [Fact]
    public void An_explicit_tag_is_NMIG1012()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("version: 1", "version: !!str 1"));

        AssertProblem(problem, DiagnosticCode.UnsupportedYamlFeature, 1, 10, "explicit tag `tag:yaml.org,2002:str` is not supported; write the value plainly (quote it to make it text)");
    }

    [Fact]
    public void A_second_document_is_NMIG1012()
    {
        var problem = workspace.SingleProblem(ConfigYaml.Minimal + "\n---\nversion: 1");

        AssertProblem(problem, DiagnosticCode.UnsupportedYamlFeature, 11, 1, "a second YAML document (`---`); nmigate.yml holds exactly one document");
    }

    [Fact]
    public void An_invalid_reference_version_is_NMIG1013()
    {
        var problem = workspace.SingleProblem(ConfigYaml.Minimal + "\nreference:\n  version: newest");

        AssertProblem(problem, DiagnosticCode.InvalidValue, 12, 12, "reference.version: `newest` is not valid; expected `latest` or a registered version such as `v3`");
    }

    [Fact]
    public void A_separator_of_several_characters_is_NMIG1013()
    {
        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("  id-column: customer_id", "  id-column: customer_id\n  separator: \",;\""));

        AssertProblem(problem, DiagnosticCode.InvalidValue, 8, 14, "data.separator: `,;` has 2 characters; expected at most 1");
    }

    [Fact]
    public void A_data_file_whose_separator_cannot_be_inferred_is_NMIG1013()
    {
        workspace.AddFile("data/holdout.dat", "customer_id\n");

        var problem = workspace.SingleProblem(ConfigYaml.MinimalWith("holdout.csv", "holdout.dat"));

        AssertProblem(problem, DiagnosticCode.InvalidValue, 6, 9, "`data.path`: cannot tell the separator of `holdout.dat`; use a .csv or .tsv file or set `data.separator`");
    }

    [Fact]
    public void Several_errors_in_one_file_are_all_reported_at_once_in_line_order()
    {
        var fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Configuration", "Fixtures", "several-errors.nmigate.yml"));

        var result = workspace.Build(fixture);

        Assert.Equal(
            [
                (DiagnosticCode.InvalidGateName, 2, 7),
                (DiagnosticCode.UnknownKey, 5, 3),
                (DiagnosticCode.UnknownName, 10, 19),
                (DiagnosticCode.WarnBelowFail, 10, 60),
                (DiagnosticCode.OutOfRange, 11, 22),
            ],
            result.Problems.Select(p => (p.Code, p.Line, p.Column)));
        Assert.Equal("predicted-column", result.Problems[1].Suggestion);
        Assert.Equal("arithmetic", result.Problems[2].Suggestion);
        Assert.Contains("expected a value in [-1, 1]", result.Problems[4].Message, StringComparison.Ordinal);
    }

    private void AssertProblem(ConfigurationProblem problem, DiagnosticCode code, int line, int column, string message)
    {
        Assert.Equal(
            (code, line, column, message),
            (problem.Code, problem.Line, problem.Column, problem.Message));
        if (line > 0)
        {
            Assert.Equal(workspace.ConfigPath, problem.File);
        }
    }
}
