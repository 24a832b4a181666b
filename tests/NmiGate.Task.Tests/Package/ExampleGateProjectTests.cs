using NmiGate.MSBuild.Tests.Support;
using NmiGate.TestUtilities;

namespace NmiGate.MSBuild.Tests.Package;

/// <summary>
/// The README's MSBuild path on the shipped example: <c>dotnet build</c> of
/// examples/customer-segmentation/gate (a project referencing the packed NmiGate.MSBuild) runs the
/// example's gate, with intervals, max-drop and the region slice, in a copy of the example.
/// </summary>
[Collection(PackedPackageGroup.Name)]
[Trait("Category", "Package")]
public sealed class ExampleGateProjectTests(PackedPackage package) : IDisposable
{
    private readonly TempWorkspace workspace = new("nmigate-example-gate");

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Dotnet_build_of_the_example_gate_passes_then_warns_at_the_raised_threshold_and_fails_on_warning()
    {
        Assert.True(package.Version is not null, package.Pack.Output);
        var example = workspace.CopyDirectory(
            Path.Combine(RepositoryPaths.Root, "examples", "customer-segmentation"), "customer-segmentation", "bin", "obj", "artifacts", "trainer");
        package.WriteNuGetConfig(example);
        var project = Path.Combine(example, "gate");
        var config = Path.Combine(example, "nmigate.yml");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.NuGetCache };

        // The example pins the package version; a version bump must update it too.
        Assert.Contains($"Include=\"NmiGate.MSBuild\" Version=\"{package.Version}\"", File.ReadAllText(Path.Combine(project, "CustomerSegmentation.Gate.csproj")), StringComparison.Ordinal);

        var passed = DotnetCli.Run(project, environment, "build", "-nodeReuse:false");
        var lines = File.ReadAllLines(config);
        var ariLine = Array.FindIndex(lines, l => l.StartsWith("  ari:", StringComparison.Ordinal));
        File.WriteAllLines(config, lines.Select((l, i) => i == ariLine ? "  ari: { fail-below: 0.9999 }" : l));
        var warned = DotnetCli.Run(project, environment, "build", "-nodeReuse:false");
        var failed = DotnetCli.Run(project, environment, "build", "-nodeReuse:false", "-p:NmiGateFailOnWarning=true");

        Assert.True(passed.Succeeded, passed.Output);
        Assert.Contains("Gate 'customer-segments' PASS", passed.Output, StringComparison.Ordinal);

        // gate-on: interval: ARI's interval (about 0.998 to 1) straddles 0.9999, so the data cannot
        // tell a pass from a failure: a warning, which fail-on-warning turns into a build error.
        Assert.True(warned.Succeeded, warned.Output);
        Assert.Contains($"nmigate.yml({ariLine + 1},22): warning NMIG2003: ari = 0.9995", warned.Output, StringComparison.Ordinal);
        Assert.False(failed.Succeeded, failed.Output);
        Assert.Contains($"nmigate.yml({ariLine + 1},22): error NMIG2003: ari = 0.9995", failed.Output, StringComparison.Ordinal);
    }
}
