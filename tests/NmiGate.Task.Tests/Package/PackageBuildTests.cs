using Microsoft.Build.Framework;
using Microsoft.Build.Logging;
using NmiGate.MSBuild.Tests.Support;

namespace NmiGate.MSBuild.Tests.Package;

/// <summary>
/// <c>dotnet build</c> of a project that references the packed <c>NmiGate.MSBuild</c>, in a hermetic
/// temp folder: blank <c>Directory.Build.*</c>, its own <c>nuget.config</c>, a private package folder.
/// Slow (real <c>dotnet</c> processes), so few. Binlogs are kept in the test output's <c>binlogs/</c>.
/// </summary>
[Collection(PackedPackageGroup.Name)]
[Trait("Category", "Package")]
public sealed class PackageBuildTests(PackedPackage package) : IDisposable
{
    private static readonly string Binlogs = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "binlogs")).FullName;
    private readonly GateWorkspace gate = new("package-build", root: "app");

    public void Dispose() => gate.Dispose();

    [Fact]
    public void Dotnet_build_passes_then_fails_with_NMIG2001_at_the_yml_line_fails_again_unchanged_and_passes_once_fixed()
    {
        Assert.True(package.Version is not null, package.Pack.Output);
        WriteConsumingProject();
        gate.RegisterModel();
        var (line, column) = gate.PositionOf("0.80");

        var passed = Build("1-pass");
        gate.RegisterMovedRows();
        var failed = Build("2-fail");
        var failedAgain = Build("3-fail-unchanged");
        gate.WriteConfig("  nmi: { fail-below: 0.30 }\n");
        var fixedBuild = Build("4-fixed");

        Assert.True(passed.Succeeded, passed.Output);
        Assert.Contains("NmiGate: Gate 'segments' PASS: the rule holds against reference v1 (60 rows).", passed.Output, StringComparison.Ordinal);

        var expected = $"{gate.ConfigPath}({line},{column}): error NMIG2001: nmi (arithmetic) = ";
        Assert.False(failed.Succeeded);
        Assert.Contains(expected, failed.Output, StringComparison.Ordinal);
        Assert.False(failedAgain.Succeeded);
        Assert.Contains(expected, failedAgain.Output, StringComparison.Ordinal);
        Assert.Contains("replaying the stored verdict (fail)", failedAgain.Output, StringComparison.Ordinal);
        Assert.True(fixedBuild.Succeeded, fixedBuild.Output);
        Assert.Contains("NmiGate: Gate 'segments' PASS", fixedBuild.Output, StringComparison.Ordinal);

        // The binlog carries the coded error with its position, and the verdict line logged through MSBuild.
        var (errors, messages) = ReadBinlog(Path.Combine(Binlogs, "package-2-fail.binlog"));
        var error = Assert.Single(errors);
        Assert.Equal(("NMIG2001", gate.ConfigPath, line, column), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Contains(messages, m => m.Importance == MessageImportance.High && m.Message!.StartsWith("NmiGate: Gate 'segments' FAIL", StringComparison.Ordinal));
        // Help links point at the docs installed with the package (binlogs do not keep help links, the task parameter shows it).
        var docs = Path.Combine(package.NuGetCache, "nmigate.msbuild", package.Version, "docs", "diagnostics.md");
        Assert.Contains("## NMIG1001", File.ReadAllText(docs), StringComparison.Ordinal);
        Assert.Contains(messages, m => m.Message == "Task Parameter:HelpLinkBase=" + new Uri(docs).AbsoluteUri);
    }

    private DotnetRun Build(string step) => DotnetCli.Run(
        gate.Root,
        new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.NuGetCache },
        "build", "-nodeReuse:false", $"-bl:{Path.Combine(Binlogs, $"package-{step}.binlog")}");

    private void WriteConsumingProject()
    {
        var folder = Path.GetDirectoryName(gate.Root)!;
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        package.WriteNuGetConfig(folder);
        gate.Write("app.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NmiGate.MSBuild" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
    }

    private static (List<BuildErrorEventArgs> Errors, List<BuildMessageEventArgs> Messages) ReadBinlog(string path)
    {
        var errors = new List<BuildErrorEventArgs>();
        var messages = new List<BuildMessageEventArgs>();
        var replay = new BinaryLogReplayEventSource();
        replay.ErrorRaised += (_, e) => errors.Add(e);
        replay.MessageRaised += (_, e) => messages.Add(e);
        replay.Replay(path);
        return (errors, messages);
    }
}
