using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Configuration;

/// <summary>
/// Thrown when a gate's configuration cannot be used. Carries every problem found, in file order,
/// so a user fixes them in one pass rather than one per run.
/// </summary>
public sealed class ConfigurationException : NmiGateException
{
    /// <summary>Creates the exception for a non-empty list of problems, and a count of further problems left out.</summary>
    public ConfigurationException(IReadOnlyList<ConfigurationProblem> problems, int omittedProblemCount = 0)
        : base(ConfigurationProblemFormatter.Format(problems ?? throw new ArgumentNullException(nameof(problems)), omittedProblemCount))
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("A configuration exception needs at least one problem.", nameof(problems));
        }

        Problems = problems;
        OmittedProblemCount = omittedProblemCount;
    }

    /// <summary>Every problem found, ordered by file, line and column.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>How many further problems were found but not listed (see <see cref="ConfigurationResult.MaxProblems"/>).</summary>
    public int OmittedProblemCount { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> FormatLines() => Message.Split('\n');
}
