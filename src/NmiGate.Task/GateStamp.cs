using System.Text.Json;

namespace NmiGate.MSBuild;

/// <summary>
/// The verdict stored after an evaluation, with everything it logged, so a build whose inputs did not
/// change replays it: a failure stays a failure. Written only after the gate evaluated; a gate that
/// could not evaluate leaves no stamp, so the next build evaluates again.
/// </summary>
/// <param name="FormatVersion">Stamps of another format are not replayed.</param>
/// <param name="Fingerprint">The <see cref="GateInputs.Fingerprint"/> of the inputs the verdict was computed from.</param>
/// <param name="Verdict">pass, warn or fail.</param>
/// <param name="Nmi">The gated NMI, invariant round-trip text.</param>
/// <param name="ReportFile">The report written, or empty.</param>
/// <param name="EvaluatedAt">When the gate was evaluated.</param>
/// <param name="Messages">Everything the evaluation logged, in order.</param>
internal sealed record GateStamp(int FormatVersion, string Fingerprint, string Verdict, string Nmi, string ReportFile, DateTimeOffset EvaluatedAt, IReadOnlyList<BuildMessage> Messages)
{
    /// <summary>The format this build writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Writes the stamp atomically (a temp file moved over), so a killed build leaves no half stamp.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(this, GateStampJsonContext.Default.GateStamp));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a stamp; null when it is missing, unreadable, malformed or of another format.</summary>
    public static GateStamp? TryRead(string path)
    {
        try
        {
            var stamp = JsonSerializer.Deserialize(File.ReadAllBytes(path), GateStampJsonContext.Default.GateStamp);
            return stamp is { FormatVersion: CurrentFormat } ? stamp : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Deletes the stamp (no stored verdict: the next build evaluates).</summary>
    public static void Delete(string? path)
    {
        if (!string.IsNullOrEmpty(path) && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
