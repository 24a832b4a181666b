using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Registry;
using NmiGate.Core.Scoring;

namespace NmiGate.Core.Tests.Diagnostics;

public sealed class NmiGateExceptionTests
{
    [Fact]
    public void Every_expected_failure_derives_from_NmiGateException()
    {
        Assert.True(typeof(NmiGateException).IsAssignableFrom(typeof(ConfigurationException)));
        Assert.True(typeof(NmiGateException).IsAssignableFrom(typeof(ScoringException)));
        Assert.True(typeof(NmiGateException).IsAssignableFrom(typeof(RegistryException)));
        Assert.True(typeof(NmiGateException).IsAssignableFrom(typeof(NmiGateInputException)));
    }

    [Fact]
    public void Scoring_errors_format_in_the_compiler_shape_without_repeating_the_file()
    {
        var withLine = new ScoringException(ScoringErrorCodes.NonNumericValue, "/d/data.csv(12): 'x' is not a number.", "/d/data.csv", 12, "x1");
        var withoutLine = new ScoringException(ScoringErrorCodes.ModelFileNotFound, "/d/model.zip: the model file does not exist.", "/d/model.zip");

        Assert.Equal(["/d/data.csv(12,1): error NMIG3008: 'x' is not a number."], withLine.FormatLines());
        Assert.Equal(["/d/model.zip: error NMIG3001: the model file does not exist."], withoutLine.FormatLines());
        Assert.Equal(DiagnosticCode.NonNumericValue, withLine.DiagnosticCode);
    }

    [Fact]
    public void Every_scoring_code_constant_is_a_DiagnosticCode_of_the_same_number()
    {
        var constants = typeof(ScoringErrorCodes).GetFields().Select(f => (Name: f.Name, Code: (string)f.GetValue(null)!)).ToList();

        Assert.Equal(18, constants.Count);
        foreach (var (name, code) in constants)
        {
            Assert.Equal(code, Enum.Parse<DiagnosticCode>(name).ToCodeString());
        }
    }

    [Fact]
    public void Registry_and_configuration_errors_format_one_line_per_problem()
    {
        var registry = new RegistryException([
            new RegistryProblem(DiagnosticCode.PartitionHashMismatch, "/r/v1/partition.csv", "v1", "modified."),
            new RegistryProblem(DiagnosticCode.PartitionMissing, "/r/v2", "v2", "missing."),
        ]);
        var configuration = new ConfigurationException([new ConfigurationProblem(DiagnosticCode.UnknownKey, "/c/nmigate.yml", 3, 5, "unknown key `x`")]);

        Assert.Equal(["/r/v1/partition.csv: error NMIG4005: modified.", "/r/v2: error NMIG4006: missing."], registry.FormatLines());
        Assert.Equal(["/c/nmigate.yml(3,5): error NMIG1001: unknown key `x`"], configuration.FormatLines());
    }
}
