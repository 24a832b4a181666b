using NmiGate.MSBuild.Tests.Support;

namespace NmiGate.MSBuild.Tests.Unit;

/// <summary><see cref="ResolveGateInputs"/> and <see cref="ReplayGateVerdict"/>: the incremental half of the gate.</summary>
public sealed class ResolveAndReplayTests : IDisposable
{
    private readonly GateWorkspace gate = new("replay-task");

    public void Dispose() => gate.Dispose();

    [Fact]
    public void Resolve_lists_config_model_data_and_every_registry_file_of_the_gate()
    {
        gate.RegisterModel();
        gate.Write(".nmigate/other-gate/v1/partition.csv", "id,cluster\n");
        var resolve = TaskFactory.Resolve(gate, TaskFactory.Engine(gate));

        Assert.True(resolve.Execute());

        var files = resolve.InputFiles.Select(i => i.ItemSpec).ToList();
        Assert.Equal([gate.ConfigPath, gate.ModelPath, gate.DataPath], files.Take(3));
        var registry = Path.Combine(gate.Root, ".nmigate", "segments", "v1");
        Assert.Equal([Path.Combine(registry, "manifest.json"), Path.Combine(registry, "partition.csv")], files.Skip(3));
    }

    [Fact]
    public void Resolve_reads_an_overridden_model_relative_to_the_project_folder()
    {
        gate.RegisterModel();
        var other = gate.Write("artifacts/model.zip", string.Empty);
        File.Copy(gate.ModelPath, other, overwrite: true);
        var resolve = TaskFactory.Resolve(gate, TaskFactory.Engine(gate));
        resolve.ModelPath = "artifacts/model.zip";

        Assert.True(resolve.Execute());

        Assert.Equal(other, resolve.InputFiles[1].ItemSpec);
        Assert.DoesNotContain(resolve.InputFiles, i => i.ItemSpec == gate.ModelPath);
    }

    [Fact]
    public void Resolve_rewrites_the_inputs_cache_only_when_an_input_or_a_setting_changed()
    {
        gate.RegisterModel();
        var cache = TaskFactory.InputsCacheFile(gate);
        Assert.True(TaskFactory.Resolve(gate, TaskFactory.Engine(gate)).Execute());
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(cache, old);

        Assert.True(TaskFactory.Resolve(gate, TaskFactory.Engine(gate)).Execute());
        var unchanged = File.GetLastWriteTimeUtc(cache);
        // The model replaced by an older copy of other bytes: newer-than checks miss it, size and time do not.
        File.AppendAllText(gate.ModelPath, "x");
        File.SetLastWriteTimeUtc(gate.ModelPath, old.AddDays(-1));
        Assert.True(TaskFactory.Resolve(gate, TaskFactory.Engine(gate)).Execute());
        var afterModel = File.GetLastWriteTimeUtc(cache);
        File.SetLastWriteTimeUtc(cache, old);
        var failOnWarning = TaskFactory.Resolve(gate, TaskFactory.Engine(gate));
        failOnWarning.FailOnWarning = true;
        Assert.True(failOnWarning.Execute());

        Assert.Equal(old, unchanged);
        Assert.True(afterModel > old);
        Assert.True(File.GetLastWriteTimeUtc(cache) > old);
    }

    [Fact]
    public void Resolve_deletes_the_stored_verdict_when_the_configuration_cannot_be_read()
    {
        gate.RegisterModel();
        Assert.True(TaskFactory.Check(gate, TaskFactory.Engine(gate)).Execute());
        File.Delete(gate.ModelPath);
        var resolve = TaskFactory.Resolve(gate, TaskFactory.Engine(gate));

        Assert.True(resolve.Execute());

        Assert.False(File.Exists(TaskFactory.StampFile(gate)));
        Assert.Equal([gate.ConfigPath], resolve.InputFiles.Select(i => i.ItemSpec));
    }

    [Fact]
    public void Replay_logs_a_stored_failure_again_with_the_same_code_file_line_and_column_and_fails()
    {
        gate.RegisterMovedRows();
        Assert.True(TaskFactory.Resolve(gate, TaskFactory.Engine(gate)).Execute());
        var checkEngine = TaskFactory.Engine(gate);
        Assert.False(TaskFactory.Check(gate, checkEngine).Execute());
        var replayEngine = TaskFactory.Engine(gate);
        var replay = TaskFactory.Replay(gate, replayEngine);

        Assert.False(replay.Execute());

        static object Shape(Microsoft.Build.Framework.BuildErrorEventArgs e) => (e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message, e.HelpLink);
        Assert.Equal(checkEngine.Errors.Select(Shape), replayEngine.Errors.Select(Shape));
        Assert.Contains(replayEngine.Messages, m => m.Message!.Contains("replaying the stored verdict (fail)", StringComparison.Ordinal));
        Assert.Equal("fail", replay.Verdict);
    }

    [Fact]
    public void Replay_of_a_stored_pass_passes_with_its_verdict_and_nmi()
    {
        gate.RegisterModel();
        Assert.True(TaskFactory.Resolve(gate, TaskFactory.Engine(gate)).Execute());
        var check = TaskFactory.Check(gate, TaskFactory.Engine(gate));
        Assert.True(check.Execute());
        var replay = TaskFactory.Replay(gate, TaskFactory.Engine(gate));

        Assert.True(replay.Execute());

        Assert.Equal(("pass", check.Nmi), (replay.Verdict, replay.Nmi));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"formatVersion\": 99}")]
    public void Replay_of_an_unreadable_stamp_is_NMIG5002_and_deletes_it(string content)
    {
        Assert.True(TaskFactory.Resolve(gate, TaskFactory.Engine(gate)).Execute());
        File.WriteAllText(TaskFactory.StampFile(gate), content);
        var engine = TaskFactory.Engine(gate);

        Assert.False(TaskFactory.Replay(gate, engine).Execute());

        Assert.Equal("NMIG5002", Assert.Single(engine.Errors).Code);
        Assert.False(File.Exists(TaskFactory.StampFile(gate)));
    }

    [Fact]
    public void Replay_of_a_verdict_computed_from_other_inputs_is_NMIG5002_never_a_pass()
    {
        gate.RegisterModel();
        Assert.True(TaskFactory.Resolve(gate, TaskFactory.Engine(gate)).Execute());
        Assert.True(TaskFactory.Check(gate, TaskFactory.Engine(gate)).Execute());
        File.AppendAllText(gate.DataPath, "row-999999,1,2,3,4\n");
        Assert.True(TaskFactory.Resolve(gate, TaskFactory.Engine(gate)).Execute());
        var engine = TaskFactory.Engine(gate);

        Assert.False(TaskFactory.Replay(gate, engine).Execute());

        Assert.Equal("NMIG5002", Assert.Single(engine.Errors).Code);
    }
}
