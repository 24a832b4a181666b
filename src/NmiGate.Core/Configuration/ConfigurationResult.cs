namespace NmiGate.Core.Configuration;

/// <summary>The outcome of building a gate's options: the options, or every problem found.</summary>
/// <param name="Options">The options, when there are no problems.</param>
/// <param name="Problems">The problems, ordered by file, line and column (overrides last); at most <see cref="MaxProblems"/>.</param>
/// <param name="OmittedProblemCount">How many further problems were found but left out, so a hostile file cannot flood a build log.</param>
public sealed record ConfigurationResult(GateOptions? Options, IReadOnlyList<ConfigurationProblem> Problems, int OmittedProblemCount = 0)
{
    /// <summary>The most problems a result lists; far more than a real file has, few enough for any log.</summary>
    public const int MaxProblems = 100;

    /// <summary>Whether <see cref="Options"/> is set.</summary>
    public bool Succeeded => Options is not null;
}
