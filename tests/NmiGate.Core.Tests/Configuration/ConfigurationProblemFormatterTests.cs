using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Configuration;

public sealed class ConfigurationProblemFormatterTests
{
    [Fact]
    public void A_located_problem_uses_the_compiler_shape_that_problem_matchers_read()
    {
        var problem = new ConfigurationProblem(DiagnosticCode.OutOfRange, "/repo/nmigate.yml", 12, 17, "thresholds.nmi.fail-below: 1.5 is out of range; expected a value in [0, 1]");

        Assert.Equal("/repo/nmigate.yml(12,17): error NMIG1004: thresholds.nmi.fail-below: 1.5 is out of range; expected a value in [0, 1]", ConfigurationProblemFormatter.Format(problem));
    }

    [Fact]
    public void A_problem_without_a_line_omits_the_position_and_a_suggestion_is_appended()
    {
        var problem = new ConfigurationProblem(DiagnosticCode.UnknownName, "command line", 0, 0, "unknown metric `nmj`", "nmi");

        Assert.Equal("command line: error NMIG1006: unknown metric `nmj`; did you mean `nmi`?", ConfigurationProblemFormatter.Format(problem));
    }

    [Fact]
    public void Several_problems_are_formatted_one_per_line()
    {
        ConfigurationProblem[] problems =
        [
            new(DiagnosticCode.MissingKey, "a.yml", 1, 1, "missing required key `name`"),
            new(DiagnosticCode.DuplicateKey, "a.yml", 3, 1, "duplicate key `name`"),
        ];

        Assert.Equal(
            "a.yml(1,1): error NMIG1003: missing required key `name`\na.yml(3,1): error NMIG1008: duplicate key `name`",
            ConfigurationProblemFormatter.Format(problems));
    }

    [Theory]
    [InlineData("fail-bellow", "fail-below")]
    [InlineData("fail_below", "fail-below")]
    [InlineData("Warn-Below", "warn-below")]
    [InlineData("wran-below", "warn-below")]
    [InlineData("histogram", null)]
    public void Suggestions_pick_the_closest_key_within_a_third_of_its_length(string typed, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typed, ["average", "fail-below", "warn-below"]));
    }

    [Fact]
    public void Every_diagnostic_code_is_documented_with_its_cause_and_fix()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));

        foreach (var code in Enum.GetValues<DiagnosticCode>())
        {
            var heading = $"## {code.ToCodeString()}";
            var start = docs.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(start >= 0, $"docs/diagnostics.md has no `{heading}` section");
            var next = docs.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            var section = next < 0 ? docs[start..] : docs[start..next];
            Assert.Contains("**Cause**", section, StringComparison.Ordinal);
            Assert.Contains("**Fix**", section, StringComparison.Ordinal);
        }
    }
}
