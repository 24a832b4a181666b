using System.Globalization;
using NmiGate.Core.Registry;

namespace NmiGate.Action.Rendering;

/// <summary>Text output of <c>register</c> and <c>registry list|verify</c>.</summary>
internal static class RegistryTextRenderer
{
    public static void WriteRegistration(RegistrationResult result, TextWriter output)
    {
        var version = result.Version;
        var manifest = version.Manifest;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Registered {version.Gate} {version.Name}: {manifest.RowCount} rows, {manifest.ClusterCount} clusters, partition sha256 {manifest.PartitionSha256}"));
        output.WriteLine($"  {version.FolderPath}");
        if (result.Previous is { } previous && result.AgainstPrevious is { } metrics)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Against {previous.Name}: NMI (arithmetic) {metrics.NmiArithmetic:0.0000}, AMI (arithmetic) {metrics.AmiArithmetic:0.0000}, ARI {metrics.AdjustedRandIndex:0.0000} ({metrics.Rows} rows)"));
        }
        else if (result.Previous is { } skipped)
        {
            output.WriteLine($"Not compared with {skipped.Name}: {result.ComparisonSkipped}");
        }
        else
        {
            output.WriteLine("First version of this gate: nothing to compare with.");
        }

        output.WriteLine("Commit the new version folder and review it like code.");
    }

    public static void WriteList(string gate, string registry, IReadOnlyList<RegistryVersion> versions, TextWriter output)
    {
        if (versions.Count == 0)
        {
            output.WriteLine($"No version of '{gate}' is registered in {registry}. Run `nmigate register` to write v1.");
            return;
        }

        output.WriteLine($"Gate '{gate}' in {registry}:");
        foreach (var version in versions)
        {
            var m = version.Manifest;
            var comparison = m.Comparison is { } c && c.Metrics.TryGetValue("nmi_arithmetic", out var nmi)
                ? string.Create(CultureInfo.InvariantCulture, $"  nmi vs {c.Version} {nmi:0.0000}")
                : string.Empty;
            var note = m.Note is null ? string.Empty : $"  \"{m.Note}\"";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {version.Name,-4}  {m.Created:yyyy-MM-ddTHH:mm:ssZ}  {m.RowCount} rows  {m.ClusterCount} clusters  sha256 {m.PartitionSha256[..12]}{comparison}{note}"));
        }
    }

    public static void WriteVerification(RegistryVerification verification, TextWriter output)
    {
        foreach (var version in verification.Verified)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ok  {version.Gate} {version.Name}  {version.Manifest.RowCount} rows  sha256 {version.Manifest.PartitionSha256[..12]}"));
        }

        output.WriteLine(verification.IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"{verification.Verified.Count} version(s) verified, no problem found.")
            : string.Create(CultureInfo.InvariantCulture, $"{verification.Verified.Count} version(s) verified, {verification.Problems.Count} problem(s) found (listed on stderr)."));
    }
}
