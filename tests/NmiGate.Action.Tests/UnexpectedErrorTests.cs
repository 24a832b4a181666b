using System.Text;
using NmiGate.TestUtilities;

namespace NmiGate.Action.Tests;

/// <summary>
/// An exception that is not bad input is a bug: one line and exit 2, the stack trace only with
/// NMIGATE_DEBUG=1. The tests of this class run one after the other (they set the variable).
/// </summary>
public sealed class UnexpectedErrorTests
{
    [Fact]
    public void Unexpected_exception_exits_2_with_one_line_and_no_stack_trace()
    {
        var stderr = RunWithFailingOutput(debug: null);

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("nmigate: error: unexpected InvalidOperationException: the output is gone", lines[0], StringComparison.Ordinal);
        Assert.Contains("NMIGATE_DEBUG=1", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_exception_prints_the_stack_trace_when_NMIGATE_DEBUG_is_1()
    {
        var stderr = RunWithFailingOutput(debug: "1");

        Assert.StartsWith("nmigate: error: unexpected InvalidOperationException", stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", stderr, StringComparison.Ordinal);
    }

    private static string RunWithFailingOutput(string? debug)
    {
        var reference = Path.Combine(RepositoryPaths.Root, "examples", "partitions", "reference.csv");
        var candidate = Path.Combine(RepositoryPaths.Root, "examples", "partitions", "candidate.csv");
        var previous = Environment.GetEnvironmentVariable("NMIGATE_DEBUG");
        Environment.SetEnvironmentVariable("NMIGATE_DEBUG", debug);
        try
        {
            using var stdout = new FailingWriter();
            using var stderr = new StringWriter();
            var exitCode = Program.Run(["compare", reference, candidate], stdout, stderr);
            Assert.Equal(2, exitCode);
            return stderr.ToString();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NMIGATE_DEBUG", previous);
        }
    }

    /// <summary>An output stream that fails on the first write, as a closed pipe would.</summary>
    private sealed class FailingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException("the output is gone");

        public override void Write(string? value) => throw new InvalidOperationException("the output is gone");

        public override void Write(char[] buffer, int index, int count) => throw new InvalidOperationException("the output is gone");
    }
}
