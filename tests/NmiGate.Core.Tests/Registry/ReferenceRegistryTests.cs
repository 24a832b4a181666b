using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;
using NmiGate.Core.Registry;

namespace NmiGate.Core.Tests.Registry;

public sealed class ReferenceRegistryTests
{
    [Fact]
    public void Registering_twice_writes_v1_then_v2_and_latest_resolves_to_v2()
    {
        using var workspace = new RegistryWorkspace();

        var first = workspace.RegisterSmall();
        var second = workspace.RegisterSmall("2");

        Assert.Equal(1, first.Number);
        Assert.Equal("v2", second.Name);
        var latest = workspace.Registry.Resolve(RegistryWorkspace.Gate, "latest");
        Assert.Equal("v2", latest.Version.Name);
        Assert.Equal(["a", "b", "c", "d"], latest.Ids.ToArray());
        Assert.Equal(["x2", "y2", "y2", "x2"], latest.Labels.ToArray());
    }

    [Fact]
    public void A_pinned_version_resolves_to_that_version()
    {
        using var workspace = new RegistryWorkspace();
        workspace.RegisterSmall();
        workspace.RegisterSmall("2");

        var pinned = workspace.Registry.Resolve(RegistryWorkspace.Gate, "v1");

        Assert.Equal("v1", pinned.Manifest.Version);
        Assert.True(pinned.TryGetLabel("d", out var label));
        Assert.Equal("x", label);
        Assert.False(pinned.TryGetLabel("zz", out _));
        Assert.Equal("y", pinned.ToLabelLookup()["c"]);
    }

    [Fact]
    public void The_resolved_partition_aligns_with_a_candidate_into_a_contingency_table()
    {
        using var workspace = new RegistryWorkspace();
        workspace.RegisterSmall();
        var candidatePath = workspace.Write("candidate.csv", "id,cluster\na,1\nb,2\nc,2\nd,1\n");

        var reference = workspace.Registry.Resolve(RegistryWorkspace.Gate, "latest");
        var table = AlignedPartitions.Align(reference.Partition, PartitionFile.Read(candidatePath)).ToContingencyTable();

        Assert.Equal(1.0, MetricSet.From(table).NmiArithmetic, 12);
    }

    [Fact]
    public void The_partition_file_is_sorted_by_id_with_lf_line_ends_no_bom_and_quotes_only_where_needed()
    {
        using var workspace = new RegistryWorkspace();

        var version = workspace.Registry.Register(
            RegistryWorkspace.Gate,
            ["b,2", "a", "say \"hi\"", "line\nbreak", "B"],
            ["k1", "k,2", "k1", "k3", "k1"],
            RegistryWorkspace.Provenance());

        var bytes = File.ReadAllBytes(version.PartitionPath);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(
            "id,cluster\nB,k1\na,\"k,2\"\n\"b,2\",k1\n\"line\nbreak\",k3\n\"say \"\"hi\"\"\",k1\n",
            Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain((byte)'\r', bytes);
        var roundTrip = workspace.Registry.Resolve(RegistryWorkspace.Gate, "v1");
        Assert.True(roundTrip.TryGetLabel("say \"hi\"", out var quoted));
        Assert.Equal("k1", quoted);
    }

    [Fact]
    public void The_manifest_records_independently_computed_hashes_counts_and_a_utc_time()
    {
        using var workspace = new RegistryWorkspace();
        var model = workspace.Write("model.zip", "not really a model");
        var data = workspace.Write("holdout.csv", "customer_id,x\n1,2\n");
        var before = DateTime.UtcNow.AddSeconds(-1);

        var version = workspace.Registry.Register(
            RegistryWorkspace.Gate, ["a", "b", "c"], ["1", "2", "2"], new RegistrationProvenance("9.9.9", model, data, "first reference"));

        var manifest = version.Manifest;
        Assert.Equal(1, manifest.FormatVersion);
        Assert.Equal(RegistryWorkspace.Gate, manifest.Gate);
        Assert.Equal("v1", manifest.Version);
        Assert.Equal(3, manifest.RowCount);
        Assert.Equal(2, manifest.ClusterCount);
        Assert.Equal("9.9.9", manifest.ToolVersion);
        Assert.Equal("first reference", manifest.Note);
        Assert.Equal(HexSha256(File.ReadAllBytes(version.PartitionPath)), manifest.PartitionSha256);
        Assert.Equal(new HashedFile("model.zip", HexSha256(File.ReadAllBytes(model))), manifest.Model);
        Assert.Equal(new HashedFile("holdout.csv", HexSha256(File.ReadAllBytes(data))), manifest.Data);
        Assert.Equal(DateTimeKind.Utc, manifest.Created.Kind);
        Assert.InRange(manifest.Created, before, DateTime.UtcNow);

        var json = File.ReadAllText(version.ManifestPath);
        Assert.Contains("\"formatVersion\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"partitionSha256\": \"" + manifest.PartitionSha256 + "\"", json, StringComparison.Ordinal);
        Assert.Matches("\"created\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"", json);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.Equal(manifest, workspace.Registry.Show(RegistryWorkspace.Gate, "v1").Manifest with { Comparison = null });
    }

    [Fact]
    public void A_labels_file_registration_has_no_model_or_data_in_its_manifest()
    {
        using var workspace = new RegistryWorkspace();

        var version = workspace.RegisterSmall();

        Assert.Null(version.Manifest.Model);
        Assert.Null(version.Manifest.Data);
        var json = File.ReadAllText(version.ManifestPath);
        Assert.DoesNotContain("\"model\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_records_the_comparison_with_the_previous_version()
    {
        using var workspace = new RegistryWorkspace();
        workspace.RegisterSmall();
        var previous = workspace.Registry.Resolve(RegistryWorkspace.Gate, "latest");
        var candidate = workspace.Write("candidate.csv", "id,cluster\na,1\nb,1\nc,2\nd,2\n");
        var metrics = MetricSet.From(AlignedPartitions.Align(previous.Partition, PartitionFile.Read(candidate)).ToContingencyTable());

        var version = workspace.Registry.Register(
            RegistryWorkspace.Gate, PartitionFile.Read(candidate), RegistryWorkspace.Provenance(), RegistrationComparison.From(previous.Version.Name, metrics));

        var shown = workspace.Registry.Show(RegistryWorkspace.Gate, "v2").Manifest.Comparison;
        Assert.NotNull(shown);
        Assert.Equal("v1", shown.Version);
        Assert.Equal(metrics.NmiArithmetic, shown.Metrics["nmi_arithmetic"], 15);
        Assert.Equal(metrics.AdjustedRandIndex, shown.Metrics["ari"], 15);
        Assert.Equal("v2", version.Name);
    }

    [Fact]
    public void The_manifest_records_the_git_commit_of_the_work_tree()
    {
        using var workspace = new RegistryWorkspace();
        const string Commit = "0123456789abcdef0123456789abcdef01234567";
        Directory.CreateDirectory(Path.Combine(workspace.Path, ".git", "refs", "heads"));
        workspace.Write(Path.Combine(".git", "HEAD"), "ref: refs/heads/main\n");
        workspace.Write(Path.Combine(".git", "refs", "heads", "main"), Commit + "\n");

        var version = workspace.RegisterSmall();

        Assert.Equal(Commit, version.Manifest.GitCommit);
    }

    [Fact]
    public void The_first_registration_marks_the_registry_binary_for_git_so_line_ends_are_never_rewritten()
    {
        using var workspace = new RegistryWorkspace();

        workspace.RegisterSmall();

        var attributes = File.ReadAllText(Path.Combine(workspace.RegistryFolder, ".gitattributes"));
        Assert.Contains("* -text\n", attributes, StringComparison.Ordinal);
    }

    [Fact]
    public void The_git_commit_is_found_through_a_linked_work_tree_and_packed_refs()
    {
        using var workspace = new RegistryWorkspace();
        const string Commit = "fedcba9876543210fedcba9876543210fedcba98";
        var common = Path.Combine(workspace.Path, "main-repo", ".git");
        var worktreeGitDir = Path.Combine(common, "worktrees", "wt");
        Directory.CreateDirectory(worktreeGitDir);
        workspace.Write(Path.Combine("main-repo", ".git", "packed-refs"), "# pack-refs with: peeled\n" + Commit + " refs/heads/registry\n");
        workspace.Write(Path.Combine("main-repo", ".git", "worktrees", "wt", "HEAD"), "ref: refs/heads/registry\n");
        workspace.Write(Path.Combine("main-repo", ".git", "worktrees", "wt", "commondir"), "../..\n");
        workspace.Write(".git", "gitdir: " + worktreeGitDir + "\n");

        var version = workspace.RegisterSmall();

        Assert.Equal(Commit, version.Manifest.GitCommit);
    }

    [Fact]
    public void Outside_a_git_work_tree_the_manifest_has_no_commit()
    {
        using var workspace = new RegistryWorkspace();

        var version = workspace.RegisterSmall();

        Assert.Null(version.Manifest.GitCommit);
        Assert.DoesNotContain("gitCommit", File.ReadAllText(version.ManifestPath), StringComparison.Ordinal);
    }

    [Fact]
    public void List_sorts_versions_numerically_so_v10_comes_after_v9()
    {
        using var workspace = new RegistryWorkspace();
        for (var i = 0; i < 10; i++)
        {
            workspace.RegisterSmall(i.ToString(CultureInfo.InvariantCulture));
        }

        var names = workspace.Registry.List(RegistryWorkspace.Gate).Select(v => v.Name).ToList();

        Assert.Equal(["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10"], names);
        Assert.Equal("v10", workspace.Registry.Resolve(RegistryWorkspace.Gate, "latest").Version.Name);
    }

    [Fact]
    public void List_of_a_gate_without_versions_is_empty()
    {
        using var workspace = new RegistryWorkspace();

        Assert.Empty(workspace.Registry.List(RegistryWorkspace.Gate));
    }

    [Fact]
    public void A_registered_version_is_never_overwritten()
    {
        using var workspace = new RegistryWorkspace();
        var first = workspace.RegisterSmall();
        var before = File.ReadAllBytes(first.PartitionPath);

        workspace.RegisterSmall("changed");

        Assert.Equal(before, File.ReadAllBytes(first.PartitionPath));
    }

    [Fact]
    public void A_leftover_temp_folder_is_ignored_by_readers_and_cleaned_by_the_next_register()
    {
        using var workspace = new RegistryWorkspace();
        workspace.RegisterSmall();
        var leftover = Path.Combine(workspace.RegistryFolder, RegistryWorkspace.Gate, ".tmp-crashed");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "partition.csv"), "id,cluster\na,half");
        var leftoverLock = leftover + ".lock";
        File.WriteAllText(leftoverLock, string.Empty);
        MakeOld(leftover, leftoverLock);

        Assert.Equal(["v1"], workspace.Registry.List(RegistryWorkspace.Gate).Select(v => v.Name));
        Assert.True(workspace.Registry.Verify(RegistryWorkspace.Gate).IsValid);
        Assert.Equal("v1", workspace.Registry.Resolve(RegistryWorkspace.Gate, "latest").Version.Name);

        var second = workspace.RegisterSmall("2");

        Assert.Equal("v2", second.Name);
        Assert.False(Directory.Exists(leftover));
        Assert.False(File.Exists(leftoverLock));
        Assert.Equal(["v1", "v2"], Directory.EnumerateFileSystemEntries(Path.Combine(workspace.RegistryFolder, RegistryWorkspace.Gate)).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_recent_temp_folder_without_its_lock_is_not_cleaned()
    {
        // A registration that has just created its lock file but not yet locked it can lose the
        // file to a cleaner; its folder must survive anyway: recent leftovers are never touched.
        using var workspace = new RegistryWorkspace();
        workspace.RegisterSmall();
        var starting = Path.Combine(workspace.RegistryFolder, RegistryWorkspace.Gate, ".tmp-starting");
        Directory.CreateDirectory(starting);
        var orphanLock = Path.Combine(workspace.RegistryFolder, RegistryWorkspace.Gate, ".tmp-other.lock");
        File.WriteAllText(orphanLock, string.Empty);

        workspace.RegisterSmall("2");

        Assert.True(Directory.Exists(starting));
        Assert.True(File.Exists(orphanLock));
    }

    [Fact]
    public void A_temp_folder_whose_registration_holds_its_lock_is_not_cleaned()
    {
        using var workspace = new RegistryWorkspace();
        workspace.RegisterSmall();
        var live = Path.Combine(workspace.RegistryFolder, RegistryWorkspace.Gate, ".tmp-live");
        Directory.CreateDirectory(live);
        using (new FileStream(live + ".lock", FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
        {
            MakeOld(live, live + ".lock"); // old, so only the held lock protects it
            workspace.RegisterSmall("2");

            Assert.True(Directory.Exists(live));
        }
    }

    [Fact]
    public async Task Concurrent_registrations_end_with_distinct_versions()
    {
        using var workspace = new RegistryWorkspace();
        const int Racers = 4;
        using var start = new Barrier(Racers);

        var versions = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Task.Run(() =>
        {
            start.SignalAndWait();
            return workspace.RegisterSmall(i.ToString(CultureInfo.InvariantCulture));
        })));

        Assert.Equal([1, 2, 3, 4], versions.Select(v => v.Number).Order());
        var verification = workspace.Registry.Verify(RegistryWorkspace.Gate);
        Assert.True(verification.IsValid, string.Join("\n", verification.Problems));
        Assert.Equal(Racers, verification.Verified.Count);

        // Each version holds the partition its own registration wrote.
        foreach (var version in versions)
        {
            var resolved = workspace.Registry.Resolve(RegistryWorkspace.Gate, version.Name);
            Assert.Equal(version.Manifest.PartitionSha256, resolved.Manifest.PartitionSha256);
        }

        Assert.Equal(Racers, versions.Select(v => v.Manifest.PartitionSha256).Distinct().Count());
    }

    [Fact]
    public void Registering_an_invalid_partition_is_a_coded_error()
    {
        using var workspace = new RegistryWorkspace();

        var duplicate = Assert.Throws<RegistryException>(() =>
            workspace.Registry.Register(RegistryWorkspace.Gate, ["a", "b", "a"], ["1", "2", "1"], RegistryWorkspace.Provenance()));
        var blank = Assert.Throws<RegistryException>(() =>
            workspace.Registry.Register(RegistryWorkspace.Gate, ["a", " "], ["1", "2"], RegistryWorkspace.Provenance()));
        var empty = Assert.Throws<RegistryException>(() =>
            workspace.Registry.Register(RegistryWorkspace.Gate, [], [], RegistryWorkspace.Provenance()));
        var badComparison = Assert.Throws<RegistryException>(() =>
            workspace.Registry.Register(RegistryWorkspace.Gate, ["a"], ["1"], RegistryWorkspace.Provenance(),
                new RegistrationComparison("previous", new Dictionary<string, double>())));
        var missingModel = Assert.Throws<RegistryException>(() =>
            workspace.Registry.Register(RegistryWorkspace.Gate, ["a"], ["1"], new RegistrationProvenance("1.0", Path.Combine(workspace.Path, "nope.zip"))));

        Assert.All([duplicate, blank, empty, badComparison, missingModel], e => Assert.Equal(DiagnosticCode.InvalidRegistration, e.Code));
        Assert.Contains("'a'", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("nope.zip", missingModel.Describe(), StringComparison.Ordinal);
        Assert.Empty(workspace.Registry.List(RegistryWorkspace.Gate));
    }

    internal static string HexSha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Dates entries back past the age from which leftovers are cleaned.</summary>
    private static void MakeOld(params string[] entries)
    {
        var old = DateTime.UtcNow - RegistrationWriter.LeftoverAge - TimeSpan.FromMinutes(1);
        foreach (var entry in entries)
        {
            if (Directory.Exists(entry))
            {
                Directory.SetLastWriteTimeUtc(entry, old);
            }
            else
            {
                File.SetLastWriteTimeUtc(entry, old);
            }
        }
    }
}
