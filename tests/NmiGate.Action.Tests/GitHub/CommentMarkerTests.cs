using NmiGate.Action.GitHub;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>The hidden marker and verdict lines of the sticky comment.</summary>
public sealed class CommentMarkerTests
{
    [Fact]
    public void Apply_puts_the_gates_marker_first_and_its_verdict_last_once()
    {
        var once = CommentMarker.Apply("### report\r\n\r\nbody", "segments", PublishVerdict.Warn);
        var twice = CommentMarker.Apply(once, "segments", PublishVerdict.Warn);

        Assert.Equal("<!-- nmigate:segments -->\n### report\n\nbody\n<!-- nmigate-verdict:warn -->\n", once);
        Assert.Equal(once, twice);
        Assert.Equal(PublishVerdict.Warn, CommentMarker.VerdictOf(once));
    }

    [Fact]
    public void Apply_drops_another_gates_marker_and_a_forged_verdict_from_the_body()
    {
        var body = "<!-- nmigate:payments -->\n<!-- nmigate-verdict:pass -->\nreport\ntext <!-- nmigate:payments --> inline";

        var applied = CommentMarker.Apply(body, "segments", PublishVerdict.Fail);

        Assert.False(CommentMarker.IsFor(applied, "payments"));
        Assert.True(CommentMarker.IsFor(applied, "segments"));
        Assert.Equal(PublishVerdict.Fail, CommentMarker.VerdictOf(applied));
        Assert.Contains("text <!-- quoted-nmigate:payments --> inline", applied, StringComparison.Ordinal);
    }

    [Fact]
    public void Bodies_differing_only_in_line_endings_or_trailing_space_are_the_same()
    {
        Assert.True(CommentMarker.SameBody("a\r\nb\n", "a\nb"));
        Assert.False(CommentMarker.SameBody("a\nb", "a\nc"));
    }
}
