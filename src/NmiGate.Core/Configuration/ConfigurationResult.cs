namespace NmiGate.Core.Configuration;

/// <summary>The outcome of building a gate's options: the options, or every problem found.</summary>
/// <param name="Options">The options, when there are no problems.</param>
/// <param name="Problems">Every problem, ordered by file, line and column (overrides last).</param>
public sealed record ConfigurationResult(GateOptions? Options, IReadOnlyList<ConfigurationProblem> Problems)
{
    /// <summary>Whether <see cref="Options"/> is set.</summary>
    public bool Succeeded => Options is not null;
}
