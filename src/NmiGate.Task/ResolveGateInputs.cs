using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace NmiGate.MSBuild;

/// <summary>
/// Runs on every build before the gate: lists the files the verdict depends on (read from
/// <c>nmigate.yml</c> with the overrides) and rewrites the inputs cache only when they or the settings
/// changed, so the <c>NmiGate</c> target is skipped exactly when nothing it reads changed.
/// </summary>
public sealed class ResolveGateInputs : GateTask
{
    /// <summary>The inputs cache: its content is the fingerprint text, its time says when it last changed.</summary>
    [Required]
    public string InputsCacheFile { get; set; } = string.Empty;

    /// <summary>The stored verdict, deleted when the configuration cannot be read (so the gate runs and reports it).</summary>
    [Required]
    public string StampFile { get; set; } = string.Empty;

    /// <summary>The files the gate reads: the target's <c>Inputs</c>.</summary>
    [Output]
    public ITaskItem[] InputFiles { get; private set; } = [];

    /// <inheritdoc/>
    protected override void ExecuteCore()
    {
        var options = BuildOptions().Options;
        IReadOnlyList<string> files;
        if (options is null)
        {
            // A configuration that cannot be read is never cached: the gate runs and reports it, every build.
            GateStamp.Delete(StampFile);
            files = File.Exists(FullConfigFile) ? [FullConfigFile] : [];
        }
        else
        {
            files = GateInputs.Files(options);
        }

        var description = GateInputs.Describe(Settings(), files);
        var unchanged = File.Exists(InputsCacheFile) && string.Equals(File.ReadAllText(InputsCacheFile), description, StringComparison.Ordinal);
        if (!unchanged)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(InputsCacheFile))!);
            File.WriteAllText(InputsCacheFile, description);
        }

        Log.LogMessage(MessageImportance.Low, $"NmiGate: {files.Count} input file(s); inputs {(unchanged ? "unchanged" : "changed")}.");
        InputFiles = [.. files.Select(f => new TaskItem(f))];
    }
}
