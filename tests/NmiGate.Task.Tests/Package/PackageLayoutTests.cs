using System.IO.Compression;
using System.Xml.Linq;

namespace NmiGate.MSBuild.Tests.Package;

/// <summary>What the packed <c>NmiGate.MSBuild</c> holds.</summary>
[Collection(PackedPackageGroup.Name)]
[Trait("Category", "Package")]
public sealed class PackageLayoutTests(PackedPackage package)
{
    [Fact]
    public void The_package_holds_the_task_its_closure_and_deps_json_under_tasks_and_no_MSBuild_or_Octokit()
    {
        Assert.True(package.PackagePath is not null, package.Pack.Output);
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        foreach (var file in new[]
        {
            "build/NmiGate.MSBuild.props", "build/NmiGate.MSBuild.targets",
            "buildMultiTargeting/NmiGate.MSBuild.props", "buildMultiTargeting/NmiGate.MSBuild.targets",
            "tasks/net10.0/NmiGate.MSBuild.dll", "tasks/net10.0/NmiGate.MSBuild.deps.json",
            "tasks/net10.0/NmiGate.Core.dll", "tasks/net10.0/YamlDotNet.dll",
            "tasks/net10.0/Microsoft.ML.Core.dll", "tasks/net10.0/Microsoft.ML.KMeansClustering.dll",
            "docs/diagnostics.md",
        })
        {
            Assert.Contains(file, entries);
        }

        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.OrdinalIgnoreCase) || e.Contains("Octokit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_is_a_development_dependency_with_no_dependencies()
    {
        Assert.True(package.PackagePath is not null, package.Pack.Output);
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var nuspec = zip.GetEntry("NmiGate.MSBuild.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal("NmiGate.MSBuild", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }
}
