namespace NmiGate.Core.Reporting;

/// <summary>
/// One section of the Markdown report and its ever smaller forms. The size budget never cuts text:
/// it swaps a whole section for its next form (a shorter table, or nothing), and each smaller form
/// says what it leaves out.
/// </summary>
/// <param name="DropRank">Lower ranks shrink first; sections with a single form never shrink.</param>
/// <param name="Forms">The forms, richest first; each renders complete Markdown (possibly empty).</param>
internal sealed record MarkdownSection(int DropRank, IReadOnlyList<MarkdownSection.Form> Forms)
{
    /// <summary>A section that always appears whole.</summary>
    public static MarkdownSection Fixed(string text) => new(int.MaxValue, [new Form(() => text, null)]);

    /// <summary>One form of a section.</summary>
    /// <param name="Render">Renders it (only when needed: a large form costs time to build).</param>
    /// <param name="LeftOut">What this form leaves out compared with the full one, for the report's note; null for the full form.</param>
    public sealed record Form(Func<string> Render, string? LeftOut);
}
