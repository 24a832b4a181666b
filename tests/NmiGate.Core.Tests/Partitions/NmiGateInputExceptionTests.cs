namespace NmiGate.Core.Tests.Partitions;

public sealed class NmiGateInputExceptionTests
{
    [Fact]
    public void Describe_formats_path_line_and_message_like_a_compiler()
    {
        Assert.Equal("data/a.csv:12: bad row", new NmiGateInputException("data/a.csv", 12, "bad row").Describe());
    }

    [Fact]
    public void Describe_leaves_out_the_line_when_there_is_none()
    {
        Assert.Equal("data/a.csv: no such file", new NmiGateInputException("data/a.csv", null, "no such file").Describe());
    }

    [Fact]
    public void Line_numbers_are_1_based()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NmiGateInputException("a.csv", 0, "x"));
    }
}
