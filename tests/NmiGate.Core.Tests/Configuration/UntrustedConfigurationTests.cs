using System.Diagnostics;
using System.Text;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Tests.Configuration;

/// <summary>The configuration file is untrusted input: every hostile or broken file is a coded problem, never a crash.</summary>
public sealed class UntrustedConfigurationTests : IDisposable
{
    private readonly ConfigWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void An_empty_file_is_NMIG1014()
    {
        var problem = workspace.SingleProblem(string.Empty);

        AssertFileProblem(problem, DiagnosticCode.InvalidConfigurationFile, "the file is empty; expected a mapping that starts with `version: 1`");
    }

    [Fact]
    public void A_file_of_comments_only_is_NMIG1014()
    {
        var problem = workspace.SingleProblem("# nothing here yet\n\n");

        AssertFileProblem(problem, DiagnosticCode.InvalidConfigurationFile, "the file holds no YAML document; expected a mapping that starts with `version: 1`");
    }

    [Fact]
    public void A_configuration_path_that_is_not_a_path_is_NMIG1014_not_an_exception()
    {
        var problem = Assert.Single(GateOptionsBuilder.ForFile("bad\0name.yml").Build().Problems);

        Assert.Equal((DiagnosticCode.InvalidConfigurationFile, 0), (problem.Code, problem.Line));
        Assert.StartsWith("not a valid path", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_NMIG1014()
    {
        var result = GateOptionsBuilder.ForFile(workspace.Root).Build();

        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCode.InvalidConfigurationFile, 0), (problem.Code, problem.Line));
        Assert.Equal(workspace.Root, problem.File);
        Assert.Contains("is a directory", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_one_mebibyte_is_NMIG1014_without_being_parsed()
    {
        var problem = workspace.SingleProblem("version: 1\n" + new string('#', 1 << 20));

        Assert.Equal(DiagnosticCode.InvalidConfigurationFile, problem.Code);
        Assert.Contains("a configuration file is at most 1048576 bytes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_NMIG1014()
    {
        File.WriteAllBytes(workspace.ConfigPath, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]);

        var problem = Assert.Single(GateOptionsBuilder.ForFile(workspace.ConfigPath).Build().Problems);

        AssertFileProblem(problem, DiagnosticCode.InvalidConfigurationFile, "the file is binary (it contains NUL bytes); expected UTF-8 YAML text");
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_NMIG1014()
    {
        File.WriteAllBytes(workspace.ConfigPath, Encoding.Latin1.GetBytes("version: 1\nname: caf\u00e9\n"));

        var problem = Assert.Single(GateOptionsBuilder.ForFile(workspace.ConfigPath).Build().Problems);

        AssertFileProblem(problem, DiagnosticCode.InvalidConfigurationFile, "the file is not valid UTF-8 text");
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        File.WriteAllText(workspace.ConfigPath, ConfigYaml.Minimal, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.True(GateOptionsBuilder.ForFile(workspace.ConfigPath).Build().Succeeded);
    }

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused_quickly_without_expanding_it()
    {
        var bomb = new StringBuilder("version: 1\nname: gate\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"lol{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n");
        }

        var watch = Stopwatch.StartNew();
        var result = workspace.Build(bomb.ToString());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.False(result.Succeeded);
        Assert.Equal(81, result.Problems.Count(p => p.Code == DiagnosticCode.UnsupportedYamlFeature));
        Assert.Contains(result.Problems, p => p.Code == DiagnosticCode.UnknownKey && p.Line == 3);
    }

    [Fact]
    public void Pathologically_deep_nesting_is_NMIG1012_not_a_stack_overflow()
    {
        const int depth = 100_000;
        var watch = Stopwatch.StartNew();

        var problem = workspace.SingleProblem($"version: 1\nname: {new string('[', depth)}{new string(']', depth)}\n");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal((DiagnosticCode.UnsupportedYamlFeature, 2), (problem.Code, problem.Line));
        Assert.Equal("nesting deeper than 32 levels; the rest of the file was not read", problem.Message);
    }

    [Fact]
    public void A_file_with_thousands_of_problems_lists_the_first_hundred_and_counts_the_rest()
    {
        var yaml = ConfigYaml.Minimal + "\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"unknown-{i}: x\n"));
        File.WriteAllText(workspace.ConfigPath, yaml);

        var result = GateOptionsBuilder.ForFile(workspace.ConfigPath).Build();
        var error = Assert.Throws<ConfigurationException>(() => GateConfiguration.Load(workspace.ConfigPath));

        Assert.Equal(ConfigurationResult.MaxProblems, result.Problems.Count);
        Assert.Equal(4900, result.OmittedProblemCount);
        Assert.Equal(11, result.Problems[0].Line);
        Assert.EndsWith("\n... and 4900 more configuration problem(s) not shown", error.Message, StringComparison.Ordinal);
        Assert.Equal(4900, error.OmittedProblemCount);
    }

    [Fact]
    public void A_complex_key_is_NMIG1012()
    {
        var problem = workspace.SingleProblem(ConfigYaml.Minimal + "\n? [a, b]\n: c");

        Assert.Equal((DiagnosticCode.UnsupportedYamlFeature, 11, 3), (problem.Code, problem.Line, problem.Column));
        Assert.Equal("a complex (non-text) key; keys are plain names", problem.Message);
    }

    [Fact]
    public void A_document_that_is_a_list_is_a_wrong_type()
    {
        var problem = workspace.SingleProblem("- version: 1\n");

        Assert.Equal((DiagnosticCode.WrongType, 1, 1), (problem.Code, problem.Line, problem.Column));
        Assert.Equal("the configuration expects a mapping, found a list", problem.Message);
    }

    private void AssertFileProblem(ConfigurationProblem problem, DiagnosticCode code, string message)
    {
        Assert.Equal((code, workspace.ConfigPath, 0, 0, message), (problem.Code, problem.File, problem.Line, problem.Column, problem.Message));
    }
}
