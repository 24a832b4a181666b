using System.Text;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Registry;

namespace NmiGate.Core.Tests.Registry;

/// <summary>Every way a registry file can be wrong is a coded error naming the version and the file, never a silent pass.</summary>
public sealed class RegistryIntegrityTests
{
    private const string Gate = RegistryWorkspace.Gate;

    [Fact]
    public void A_partition_with_one_byte_changed_fails_its_hash_check_naming_version_and_file()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(1, "partition.csv");
        var bytes = File.ReadAllBytes(path);
        bytes[^2] = (byte)(bytes[^2] == (byte)'x' ? 'y' : 'x');
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v1"));

        Assert.Equal(DiagnosticCode.PartitionHashMismatch, error.Code);
        Assert.Equal("v1", error.Version);
        Assert.Equal(path, error.FilePath);
        Assert.Contains("reference v1", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ": error NMIG4005: ", error.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_partition_fails_its_hash_check()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(2, "partition.csv");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^6]);

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "latest"));

        Assert.Equal(DiagnosticCode.PartitionHashMismatch, error.Code);
        Assert.Equal("v2", error.Version);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emptied_partition_fails_its_hash_check()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(2, "partition.csv");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v2"));

        Assert.Equal(DiagnosticCode.PartitionHashMismatch, error.Code);
    }

    [Fact]
    public void A_deleted_partition_is_an_error_naming_version_and_file()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(2, "partition.csv");
        File.Delete(path);

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "latest"));

        Assert.Equal(DiagnosticCode.PartitionMissing, error.Code);
        Assert.Equal("v2", error.Version);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void A_deleted_manifest_is_an_error_naming_version_and_file()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(1, "manifest.json");
        File.Delete(path);

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v1"));

        Assert.Equal(DiagnosticCode.ManifestMissing, error.Code);
        Assert.Equal("v1", error.Version);
        Assert.Equal(path, error.FilePath);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    [InlineData("{\"formatVersion\": 1}")]
    [InlineData("{\"formatVersion\": 1, \"gate\": \"segments\", \"version\": \"v1\", \"created\": \"2026-01-01T00:00:00Z\", \"toolVersion\": \"1\", \"rowCount\": \"4\", \"clusterCount\": 2, \"partitionSha256\": \"00\"}")]
    [InlineData("{\"formatVersion\": 1, \"gate\": null, \"version\": \"v1\", \"created\": \"2026-01-01T00:00:00Z\", \"toolVersion\": \"1\", \"rowCount\": 4, \"clusterCount\": 2, \"partitionSha256\": \"00\"}")]
    [InlineData("{\"formatVersion\": 1, \"gate\": \"segments\", \"version\": \"v1\", \"created\": \"2026-01-01T00:00:00+02:00\", \"toolVersion\": \"1\", \"rowCount\": 4, \"clusterCount\": 2, \"partitionSha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}")]
    [InlineData("{\"formatVersion\": 1, \"surprise\": true, \"gate\": \"segments\", \"version\": \"v1\", \"created\": \"2026-01-01T00:00:00Z\", \"toolVersion\": \"1\", \"rowCount\": 4, \"clusterCount\": 2, \"partitionSha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}")]
    public void A_malformed_manifest_is_an_error_naming_version_and_file(string json)
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(1, "manifest.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v1"));

        Assert.Equal(DiagnosticCode.ManifestMalformed, error.Code);
        Assert.Equal("v1", error.Version);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void A_deeply_nested_manifest_is_refused_as_malformed()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(1, "manifest.json");
        File.WriteAllText(path, "{\"formatVersion\": 1, \"note\": " + new string('[', 500) + new string(']', 500) + "}");

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Show(Gate, "v1"));

        Assert.Equal(DiagnosticCode.ManifestMalformed, error.Code);
    }

    [Fact]
    public void An_oversized_manifest_is_refused_before_it_is_parsed()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(1, "manifest.json");
        File.WriteAllText(path, "{\"note\": \"" + new string('a', 2 << 20) + "\"}");

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Show(Gate, "v1"));

        Assert.Equal(DiagnosticCode.RegistryFileTooLarge, error.Code);
    }

    [Fact]
    public void An_oversized_partition_is_refused_before_it_is_hashed()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(1, "partition.csv");
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            // Sparse on Linux and macOS file systems: no gigabyte is written.
            stream.SetLength(ReferenceRegistry.MaxPartitionBytes + 1);
        }

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v1"));

        Assert.Equal(DiagnosticCode.RegistryFileTooLarge, error.Code);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void An_unknown_manifest_format_version_is_its_own_error()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(2, "manifest.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal));

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "latest"));

        Assert.Equal(DiagnosticCode.UnsupportedManifestFormat, error.Code);
        Assert.Equal("v2", error.Version);
    }

    [Fact]
    public void Manifest_counts_that_do_not_match_the_partition_are_an_error()
    {
        using var workspace = TwoVersions();
        var path = workspace.VersionFile(1, "manifest.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"rowCount\": 4", "\"rowCount\": 5", StringComparison.Ordinal));

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v1"));

        Assert.Equal(DiagnosticCode.ManifestMismatch, error.Code);
        Assert.Contains("5 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_folder_copied_under_another_name_is_an_error()
    {
        using var workspace = TwoVersions();
        var v3 = Path.GetDirectoryName(workspace.VersionFile(3, "manifest.json"))!;
        Directory.CreateDirectory(v3);
        File.Copy(workspace.VersionFile(1, "manifest.json"), Path.Combine(v3, "manifest.json"));
        File.Copy(workspace.VersionFile(1, "partition.csv"), Path.Combine(v3, "partition.csv"));

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "latest"));

        Assert.Equal(DiagnosticCode.ManifestMismatch, error.Code);
        Assert.Equal("v3", error.Version);
    }

    [Fact]
    public void A_hand_written_partition_matching_its_manifest_hash_but_unsorted_is_an_error()
    {
        using var workspace = TwoVersions();
        var partition = workspace.VersionFile(1, "partition.csv");
        File.WriteAllText(partition, "id,cluster\nb,x\na,y\n");
        var manifest = workspace.VersionFile(1, "manifest.json");
        var shown = workspace.Registry.Show(Gate, "v1").Manifest;
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(
            shown.PartitionSha256, ReferenceRegistryTests.HexSha256(File.ReadAllBytes(partition)), StringComparison.Ordinal));

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v1"));

        Assert.Equal(DiagnosticCode.PartitionMalformed, error.Code);
    }

    [Fact]
    public void An_unknown_pinned_version_lists_the_versions_that_exist()
    {
        using var workspace = TwoVersions();

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v7"));

        Assert.Equal(DiagnosticCode.UnknownReferenceVersion, error.Code);
        Assert.Equal("v7", error.Version);
        Assert.Contains("v1, v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_version_from_nmigate_yml_is_reported_at_its_line()
    {
        using var workspace = TwoVersions();
        var config = Path.Combine(workspace.Path, "nmigate.yml");
        var version = new Sourced<string>("v9", ValueSource.InFile(config, 12, 12));

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, version));

        Assert.Equal(DiagnosticCode.UnknownReferenceVersion, error.Code);
        Assert.StartsWith(config + "(12,12): error NMIG4002: gate 'segments' has no reference v9", error.Describe(), StringComparison.Ordinal);
        Assert.Contains("v1, v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_from_nmigate_yml_resolves_like_a_plain_one()
    {
        using var workspace = TwoVersions();

        var resolved = workspace.Registry.Resolve(Gate, new Sourced<string>("v1", ValueSource.Default));

        Assert.Equal("v1", resolved.Version.Name);
    }

    [Theory]
    [InlineData("v0")]
    [InlineData("v01")]
    [InlineData("V1")]
    [InlineData("1")]
    [InlineData("../v1")]
    [InlineData("v1/../../x")]
    [InlineData("")]
    public void A_version_that_is_neither_latest_nor_vN_is_rejected(string spec)
    {
        using var workspace = TwoVersions();

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, spec));

        Assert.Equal(DiagnosticCode.InvalidReferenceVersion, error.Code);
    }

    [Fact]
    public void An_empty_registry_says_how_to_register()
    {
        using var workspace = new RegistryWorkspace();

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "latest"));

        Assert.Equal(DiagnosticCode.RegistryEmpty, error.Code);
        Assert.Contains("nmigate register", error.Message, StringComparison.Ordinal);
        Assert.Contains("'segments'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_folder_with_only_a_leftover_temp_folder_is_an_empty_registry()
    {
        using var workspace = new RegistryWorkspace();
        Directory.CreateDirectory(Path.Combine(workspace.RegistryFolder, Gate, ".tmp-crashed"));

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v1"));

        Assert.Equal(DiagnosticCode.RegistryEmpty, error.Code);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc")]
    [InlineData("Segments")]
    [InlineData("")]
    public void A_gate_name_that_could_leave_the_registry_is_rejected(string gate)
    {
        using var workspace = new RegistryWorkspace();

        var onRegister = Assert.Throws<RegistryException>(() => workspace.Registry.Register(gate, ["a"], ["1"], RegistryWorkspace.Provenance()));
        var onResolve = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(gate, "latest"));
        var onList = Assert.Throws<RegistryException>(() => workspace.Registry.List(gate));

        Assert.All([onRegister, onResolve, onList], e => Assert.Equal(DiagnosticCode.InvalidRegistryGateName, e.Code));
        Assert.False(Directory.Exists(Path.Combine(workspace.Path, "outside")));
        Assert.False(Directory.Exists(workspace.RegistryFolder));
    }

    [Fact]
    public void A_partition_symlinked_outside_the_registry_is_refused()
    {
        using var workspace = TwoVersions();
        var partition = workspace.VersionFile(1, "partition.csv");
        var outside = workspace.Write("outside.csv", File.ReadAllText(partition));
        File.Delete(partition);
        File.CreateSymbolicLink(partition, outside);

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "v1"));

        Assert.Equal(DiagnosticCode.UnsafeRegistryPath, error.Code);
        Assert.Equal("v1", error.Version);
    }

    [Fact]
    public void A_gate_folder_symlinked_outside_the_registry_is_refused()
    {
        using var workspace = new RegistryWorkspace();
        var elsewhere = ReferenceRegistry.Open(Path.Combine(workspace.Path, "elsewhere"));
        elsewhere.Register(Gate, ["a"], ["1"], RegistryWorkspace.Provenance());
        Directory.CreateDirectory(workspace.RegistryFolder);
        Directory.CreateSymbolicLink(Path.Combine(workspace.RegistryFolder, Gate), Path.Combine(workspace.Path, "elsewhere", Gate));

        var error = Assert.Throws<RegistryException>(() => workspace.Registry.Resolve(Gate, "latest"));

        Assert.Equal(DiagnosticCode.UnsafeRegistryPath, error.Code);
    }

    [Fact]
    public void A_symlink_that_stays_inside_the_registry_is_followed()
    {
        using var workspace = TwoVersions();
        var partition = workspace.VersionFile(1, "partition.csv");
        var inside = Path.Combine(workspace.RegistryFolder, "shared-partition.csv");
        File.Move(partition, inside);
        File.CreateSymbolicLink(partition, inside);

        var resolved = workspace.Registry.Resolve(Gate, "v1");

        Assert.Equal(4, resolved.Partition.RowCount);
    }

    [Fact]
    public void Verify_reports_every_bad_version_at_once()
    {
        using var workspace = new RegistryWorkspace();
        for (var i = 0; i < 4; i++)
        {
            workspace.RegisterSmall(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        File.AppendAllText(workspace.VersionFile(1, "partition.csv"), "e,x\n");
        File.Delete(workspace.VersionFile(3, "manifest.json"));
        File.WriteAllText(workspace.VersionFile(4, "manifest.json"), "{", Encoding.UTF8);

        var verification = workspace.Registry.Verify(Gate);

        Assert.False(verification.IsValid);
        Assert.Equal(["v2"], verification.Verified.Select(v => v.Name));
        Assert.Equal(
            [("v1", DiagnosticCode.PartitionHashMismatch), ("v3", DiagnosticCode.ManifestMissing), ("v4", DiagnosticCode.ManifestMalformed)],
            verification.Problems.Select(p => (p.Version, p.Code)));
        var thrown = Assert.Throws<RegistryException>(verification.ThrowIfInvalid);
        Assert.Equal(3, thrown.Describe().Split('\n').Length);
    }

    [Fact]
    public void Verify_without_a_gate_checks_every_gate()
    {
        using var workspace = new RegistryWorkspace();
        workspace.RegisterSmall(gate: "alpha");
        workspace.RegisterSmall(gate: "beta");
        File.Delete(workspace.VersionFile(1, "partition.csv", "beta"));

        var verification = workspace.Registry.Verify();

        Assert.Equal(["alpha"], verification.Verified.Select(v => v.Gate));
        var problem = Assert.Single(verification.Problems);
        Assert.Equal(DiagnosticCode.PartitionMissing, problem.Code);
    }

    [Fact]
    public void Verify_of_an_empty_registry_is_not_a_pass()
    {
        using var workspace = new RegistryWorkspace();

        var verification = workspace.Registry.Verify();

        Assert.Equal(DiagnosticCode.RegistryEmpty, Assert.Single(verification.Problems).Code);
    }

    private static RegistryWorkspace TwoVersions()
    {
        var workspace = new RegistryWorkspace();
        workspace.RegisterSmall();
        workspace.RegisterSmall("2");
        return workspace;
    }
}
