using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Registry;

/// <summary>
/// The registry cannot supply or store a reference: expected bad input (a tampered partition, an
/// unknown version, an empty registry), not a bug. Hosts print <see cref="Describe"/> and exit with
/// <see cref="ExitCode.CouldNotEvaluate"/>. Carries every problem found (one, except for verify).
/// </summary>
public sealed class RegistryException : NmiGateException
{
    /// <summary>Creates the exception for one problem.</summary>
    public RegistryException(RegistryProblem problem, Exception? innerException = null)
        : this([problem ?? throw new ArgumentNullException(nameof(problem))], innerException)
    {
    }

    /// <summary>Creates the exception for a non-empty list of problems.</summary>
    public RegistryException(IReadOnlyList<RegistryProblem> problems, Exception? innerException = null)
        : base(string.Join('\n', (problems ?? throw new ArgumentNullException(nameof(problems))).Select(p => p.Message)), innerException)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("A registry exception needs at least one problem.", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RegistryProblem> Problems { get; }

    /// <summary>The first problem's code.</summary>
    public DiagnosticCode Code => Problems[0].Code;

    /// <summary>The first problem's file.</summary>
    public string FilePath => Problems[0].FilePath;

    /// <summary>The first problem's version, when it concerns one.</summary>
    public string? Version => Problems[0].Version;

    /// <summary>Every problem in the compiler shape, one per line: <c>path: error NMIG4005: message</c>.</summary>
    public string Describe() => string.Join('\n', FormatLines());

    /// <inheritdoc/>
    public override IReadOnlyList<string> FormatLines() => [.. Problems.Select(p => p.ToString())];
}
