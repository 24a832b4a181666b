namespace NmiGate.Action.GitHub;

/// <summary>
/// Everything the GitHub host publishes for one gate run, independent of how the report was
/// rendered: the sticky comment body, the summary, the outputs and the annotations.
/// </summary>
/// <param name="GateName">The gate's name: the comment's key (one comment per pull request and gate).</param>
/// <param name="Verdict">Pass, warn, fail or error.</param>
/// <param name="Headline">One line for people (the summary when the full report does not fit).</param>
/// <param name="Markdown">The report body; the hidden marker is added when missing.</param>
/// <param name="Nmi">The NMI value, when evaluated.</param>
/// <param name="Ami">The AMI value, when evaluated.</param>
/// <param name="Annotations">One per failing or warning rule (or per error).</param>
/// <param name="ReportJsonPath">The JSON report written for later steps, if any.</param>
internal sealed record PublishRequest(
    string GateName,
    PublishVerdict Verdict,
    string Headline,
    string Markdown,
    double? Nmi,
    double? Ami,
    IReadOnlyList<Annotation> Annotations,
    string? ReportJsonPath = null);
