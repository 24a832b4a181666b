namespace NmiGate.Core.Configuration;

/// <summary>
/// Thrown when a gate's configuration cannot be used. Carries every problem found, in file order,
/// so a user fixes them in one pass rather than one per run.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception for a non-empty list of problems.</summary>
    public ConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(ConfigurationProblemFormatter.Format(problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("A configuration exception needs at least one problem.", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Every problem found, ordered by file, line and column.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }
}
