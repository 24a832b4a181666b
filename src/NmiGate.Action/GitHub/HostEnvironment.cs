namespace NmiGate.Action.GitHub;

/// <summary>
/// The environment variables the GitHub host reads, as a lookup: the process environment in
/// production, a dictionary in tests (which run in parallel and must not share real variables).
/// </summary>
internal sealed class HostEnvironment(Func<string, string?> lookup)
{
    /// <summary>The real process environment.</summary>
    public static HostEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>A fixed set of variables; every other name is unset.</summary>
    public static HostEnvironment Of(IReadOnlyDictionary<string, string> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null);

    /// <summary>The variable's value, or <see langword="null"/> when it is unset or empty (the runner sets unset inputs to empty).</summary>
    public string? this[string name] => lookup(name) is { Length: > 0 } value ? value : null;
}
