using NmiGate.MSBuild.Tests.Support;
using NmiGate.TestUtilities;

namespace NmiGate.MSBuild.Tests.Package;

/// <summary>
/// <c>dotnet pack</c> of the task project, once per test run (it was just built with the tests), into
/// a temp folder with a private NuGet package cache for the projects that consume it.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private readonly TempWorkspace workspace = new("package");

    public PackedPackage()
    {
        PackagesFolder = workspace.PathOf("packages/.keep");
        PackagesFolder = Path.GetDirectoryName(PackagesFolder)!;
        NuGetCache = Path.GetDirectoryName(workspace.PathOf("nuget-cache/.keep"))!;
        Pack = DotnetCli.Run(workspace.Root, new Dictionary<string, string>(),
            "pack", TaskBuildPaths.TaskProject, "-c", TaskBuildPaths.Configuration, "--no-build", "-o", PackagesFolder, "-nodeReuse:false");
        PackagePath = Directory.EnumerateFiles(PackagesFolder, "NmiGate.MSBuild.*.nupkg").SingleOrDefault();
        Version = PackagePath is null ? null : Path.GetFileNameWithoutExtension(PackagePath)["NmiGate.MSBuild.".Length..];
    }

    /// <summary>
    /// Writes a <c>nuget.config</c> into <paramref name="folder"/> whose sources are the packed
    /// package's folder (for <c>NmiGate.*</c>) and nuget.org (for everything else).
    /// </summary>
    public void WriteNuGetConfig(string folder) => File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{PackagesFolder}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local">
              <package pattern="NmiGate.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """);

    /// <summary>What <c>dotnet pack</c> said.</summary>
    internal DotnetRun Pack { get; }

    /// <summary>The folder holding the .nupkg: the consuming projects' local package source.</summary>
    public string PackagesFolder { get; }

    /// <summary>The consuming projects' private <c>NUGET_PACKAGES</c>.</summary>
    public string NuGetCache { get; }

    public string? PackagePath { get; }

    public string? Version { get; }

    public void Dispose() => workspace.Dispose();
}

/// <summary>Packs once for every package test class.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageGroup : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed NmiGate.MSBuild";
}
