using System.Text;
using NmiGate.Core.Scoring;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Scoring;

public sealed class FilePrefixSourceTests
{
    [Fact]
    public void The_prefix_ends_after_the_requested_non_empty_lines()
    {
        using var workspace = new TempWorkspace("prefix");
        var path = workspace.WriteText("data.csv", "h\r\n\r\na\n\nb\r\nc\nd\n");

        var source = FilePrefixSource.ForLines(path, 3);

        Assert.NotNull(source);
        using var reader = new StreamReader(source.Open(0));
        Assert.Equal("h\r\n\r\na\n\nb\r\n", reader.ReadToEnd());
    }

    [Fact]
    public void No_prefix_when_the_file_ends_within_the_lines()
    {
        using var workspace = new TempWorkspace("prefix");

        Assert.Null(FilePrefixSource.ForLines(workspace.WriteText("short.csv", "h\na\nb\n"), 3));
        Assert.Null(FilePrefixSource.ForLines(workspace.WriteText("shorter.csv", "h\na\n"), 3));
    }

    [Fact]
    public void No_prefix_for_UTF16_text()
    {
        using var workspace = new TempWorkspace("prefix");
        var path = workspace.PathOf("utf16.csv");
        File.WriteAllText(path, "h\na\nb\nc\nd\n", Encoding.Unicode);

        Assert.Null(FilePrefixSource.ForLines(path, 2));
    }
}
