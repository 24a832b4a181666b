namespace NmiGate.Action.GitHub;

/// <summary>The level of a workflow annotation.</summary>
internal enum AnnotationLevel
{
    /// <summary><c>::error</c>.</summary>
    Error,

    /// <summary><c>::warning</c>.</summary>
    Warning,

    /// <summary><c>::notice</c>.</summary>
    Notice,
}

/// <summary>One <c>::error</c>/<c>::warning</c> line, pointing at a file position when known.</summary>
/// <param name="Level">Error, warning or notice.</param>
/// <param name="Message">The finding in words.</param>
/// <param name="File">The file, relative to the repository root (e.g. <c>nmigate.yml</c>); <see langword="null"/> for none.</param>
/// <param name="Line">1-based line; 0 when unknown.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="Title">A short title shown above the message.</param>
internal sealed record Annotation(AnnotationLevel Level, string Message, string? File = null, int Line = 0, int Column = 0, string? Title = null);
