namespace NmiGate.Action.GitHub;

/// <summary>What the Action reports in its <c>verdict</c> output: the gate's verdict, or <see cref="Error"/> when it could not evaluate.</summary>
internal enum PublishVerdict
{
    /// <summary>Every rule holds.</summary>
    Pass,

    /// <summary>A warn threshold is broken.</summary>
    Warn,

    /// <summary>A fail threshold is broken (or fail-on-warn turned a warning into a failure).</summary>
    Fail,

    /// <summary>Nothing could be evaluated (bad configuration or input).</summary>
    Error,
}

/// <summary>The lowercase words used in outputs and report files.</summary>
internal static class PublishVerdictNames
{
    public static string ToWord(this PublishVerdict verdict) => verdict switch
    {
        PublishVerdict.Pass => "pass",
        PublishVerdict.Warn => "warn",
        PublishVerdict.Fail => "fail",
        PublishVerdict.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Not a verdict."),
    };

    public static PublishVerdict? Parse(string? word) => word switch
    {
        "pass" => PublishVerdict.Pass,
        "warn" => PublishVerdict.Warn,
        "fail" => PublishVerdict.Fail,
        "error" => PublishVerdict.Error,
        _ => null,
    };
}
