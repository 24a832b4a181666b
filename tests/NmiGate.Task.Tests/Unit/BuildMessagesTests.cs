using NmiGate.Core.Diagnostics;

namespace NmiGate.MSBuild.Tests.Unit;

/// <summary>The translation of Core's exceptions that no other test reaches.</summary>
public sealed class BuildMessagesTests
{
    [Fact]
    public void An_unknown_NmiGateException_is_read_from_its_compiler_shaped_lines()
    {
        var messages = BuildMessages.FromException(new FutureException(
            "/repo/nmigate.yml(12,7): error NMIG9001: something new",
            "/repo/data.csv: error NMIG9002: another"), "https://docs/diagnostics.md");

        var errors = messages.Where(m => m.Kind == BuildMessageKind.Error).ToList();
        Assert.Equal(new BuildMessage(BuildMessageKind.Error, "NMIG9001", "/repo/nmigate.yml", 12, 7, "something new", "https://docs/diagnostics.md#nmig9001"), errors[0]);
        Assert.Equal(new BuildMessage(BuildMessageKind.Error, "NMIG9002", "/repo/data.csv", 0, 0, "another", "https://docs/diagnostics.md#nmig9002"), errors[1]);
        Assert.Equal(BuildMessageKind.Summary, messages[^1].Kind);
    }

    [Fact]
    public void A_line_without_the_compiler_shape_is_still_an_error()
    {
        var messages = BuildMessages.FromException(new FutureException("something odd"), helpLinkBase: null);

        Assert.Equal(new BuildMessage(BuildMessageKind.Error, null, null, 0, 0, "something odd"), messages[0]);
    }

    private sealed class FutureException(params string[] lines) : NmiGateException(string.Join('\n', lines))
    {
        public override IReadOnlyList<string> FormatLines() => lines;
    }
}
