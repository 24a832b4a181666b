using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NmiGate.Core.Configuration;

namespace NmiGate.MSBuild;

/// <summary>
/// The files a gate's verdict depends on and their fingerprint: the configuration, the model, the
/// data and every file of the gate's registry entry, each with its size and time, plus the settings.
/// Size and time catch a file replaced by an older copy, which MSBuild's newer-than check misses.
/// </summary>
internal static class GateInputs
{
    private const string TempPrefix = ".tmp-";

    /// <summary>The input files that exist, configuration first, registry files sorted.</summary>
    public static IReadOnlyList<string> Files(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<string> { options.ConfigurationFile, options.Model.Path.Value, options.Data.Path.Value };
        var entry = Path.Combine(options.Reference.Registry.Value, options.Name.Value);
        if (Directory.Exists(entry))
        {
            files.AddRange(Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories)
                // A registration in flight writes under ".tmp-" folders first; they are not part of the reference.
                .Where(f => !f.Contains(TempPrefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        }

        return [.. files.Where(File.Exists).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The text stored in the inputs cache: one line per setting, then one per file.</summary>
    public static string Describe(IEnumerable<string> settings, IEnumerable<string> files)
    {
        var text = new StringBuilder();
        foreach (var setting in settings)
        {
            text.Append(setting).Append('\n');
        }

        foreach (var file in files)
        {
            var info = new FileInfo(file);
            text.Append(CultureInfo.InvariantCulture, $"{file}|{info.Length}|{info.LastWriteTimeUtc.Ticks}\n");
        }

        return text.ToString();
    }

    /// <summary>The SHA-256 of the inputs cache text, stored with the verdict it produced.</summary>
    public static string Fingerprint(string description) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description)));
}
