using NmiGate.MSBuild.Tests.Support;

namespace NmiGate.MSBuild.Tests.InProcess;

/// <summary>Serialises the in-process builds: MSBuild's build manager builds one request at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessMSBuildGroup
{
    public const string Name = "in-process MSBuild";
}

/// <summary>The <c>NmiGate</c> target from the source tree, run by MSBuild in this process on a real gate.</summary>
[Collection(InProcessMSBuildGroup.Name)]
public sealed class NmiGateTargetTests : IDisposable
{
    private const string Evaluate = "_NmiGateEvaluate";
    private const string Replay = "_NmiGateReplay";
    private readonly GateWorkspace gate = new("inproc");

    public void Dispose() => gate.Dispose();

    [Fact]
    public void A_passing_gate_runs_after_Build_and_logs_its_verdict()
    {
        gate.RegisterModel();

        var run = InProcessBuild.Build(InProcessBuild.WriteProject(gate.Root));

        Assert.True(run.Succeeded, run.Log);
        Assert.True(run.Ran("NmiGate") && run.Ran(Evaluate), run.Log);
        Assert.True(run.HasMessage("NmiGate: Gate 'segments' PASS: the rule holds against reference v1 (60 rows)."), run.Log);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void A_warning_keeps_the_build_green_with_NMIG2002_at_its_nmigate_yml_position()
    {
        gate.WriteConfig("  nmi: { fail-below: 0.30, warn-below: 0.90 }\n");
        gate.RegisterMovedRows();

        var run = InProcessBuild.Build(InProcessBuild.WriteProject(gate.Root));

        Assert.True(run.Succeeded, run.Log);
        var warning = Assert.Single(run.Warnings);
        Assert.Equal(("NMIG2002", gate.ConfigPath), (warning.Code, warning.File));
        Assert.Equal(gate.PositionOf("0.90"), (warning.LineNumber, warning.ColumnNumber));
        Assert.Equal(InProcessBuild.HelpLinkBase + "#nmig2002", warning.HelpLink);
    }

    [Fact]
    public void A_failure_fails_the_build_and_unchanged_inputs_replay_it_until_the_config_is_fixed()
    {
        gate.RegisterMovedRows();
        var project = InProcessBuild.WriteProject(gate.Root);

        var failed = InProcessBuild.Build(project);
        var replayed = InProcessBuild.Build(project);
        gate.WriteConfig("  nmi: { fail-below: 0.30 }\n");
        var fixedRun = InProcessBuild.Build(project);
        var replayedPass = InProcessBuild.Build(project);

        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Errors);
        Assert.Equal(("NMIG2001", gate.ConfigPath), (error.Code, error.File));
        Assert.True(failed.Ran(Evaluate));

        Assert.False(replayed.Succeeded);
        Assert.Contains(Evaluate, replayed.TargetsSkippedAsUpToDate);
        Assert.True(replayed.Ran(Replay));
        var again = Assert.Single(replayed.Errors);
        Assert.Equal((error.Code, error.File, error.LineNumber, error.ColumnNumber, error.Message), (again.Code, again.File, again.LineNumber, again.ColumnNumber, again.Message));

        Assert.True(fixedRun.Succeeded, fixedRun.Log);
        Assert.DoesNotContain(Evaluate, fixedRun.TargetsSkippedAsUpToDate);
        Assert.True(replayedPass.Succeeded, replayedPass.Log);
        Assert.Contains(Evaluate, replayedPass.TargetsSkippedAsUpToDate);
        Assert.True(replayedPass.HasMessage("replaying the stored verdict (pass)"), replayedPass.Log);
    }

    [Fact]
    public void A_changed_model_or_a_new_reference_version_is_evaluated_again()
    {
        gate.RegisterModel();
        var project = InProcessBuild.WriteProject(gate.Root);
        Assert.True(InProcessBuild.Build(project).Succeeded);

        File.SetLastWriteTimeUtc(gate.ModelPath, DateTime.UtcNow.AddSeconds(5));
        var afterModel = InProcessBuild.Build(project);
        gate.RegisterMovedRows();
        var afterRegistration = InProcessBuild.Build(project);

        Assert.True(afterModel.Succeeded, afterModel.Log);
        Assert.DoesNotContain(Evaluate, afterModel.TargetsSkippedAsUpToDate);
        Assert.False(afterRegistration.Ran(Replay));
        Assert.False(afterRegistration.Succeeded);
        Assert.Contains(afterRegistration.Errors, e => e.Code == "NMIG2001" && e.Message!.Contains("reference v2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gate_that_could_not_evaluate_is_not_cached_so_fixing_a_missing_model_passes_next_build()
    {
        gate.RegisterModel();
        var project = InProcessBuild.WriteProject(gate.Root);
        var model = File.ReadAllBytes(gate.ModelPath);
        File.Delete(gate.ModelPath);

        var missing = InProcessBuild.Build(project);
        File.WriteAllBytes(gate.ModelPath, model);
        File.SetLastWriteTimeUtc(gate.ModelPath, DateTime.UtcNow.AddDays(-30));
        var restored = InProcessBuild.Build(project);

        Assert.False(missing.Succeeded);
        Assert.Contains(missing.Errors, e => e.Code == "NMIG1009" && e.File == gate.ConfigPath && e.LineNumber > 0);
        Assert.True(restored.Succeeded, restored.Log);
        Assert.True(restored.Ran(Evaluate) && !restored.TargetsSkippedAsUpToDate.Contains(Evaluate));
    }

    [Fact]
    public void MSBuild_properties_override_nmigate_yml()
    {
        gate.RegisterModel();
        gate.RegisterMovedRows();
        var project = InProcessBuild.WriteProject(gate.Root, "<NmiGateReferenceVersion>v1</NmiGateReferenceVersion>");

        var run = InProcessBuild.Build(project);

        Assert.True(run.Succeeded, run.Log);
        Assert.True(run.HasMessage("against reference v1"), run.Log);
    }

    [Fact]
    public void The_target_can_be_called_directly()
    {
        gate.RegisterModel();

        var run = InProcessBuild.Build(InProcessBuild.WriteProject(gate.Root), target: "NmiGate");

        Assert.True(run.Succeeded, run.Log);
        Assert.True(run.Ran(Evaluate), run.Log);
    }

    [Theory]
    [InlineData("", "DesignTimeBuild", "true")]
    [InlineData("", "NmiGateEnabled", "false")]
    [InlineData("<NmiGateConfigFile>gates/none.yml</NmiGateConfigFile>", "", "")]
    [InlineData("<TargetFrameworks>net10.0;net9.0</TargetFrameworks>", "TargetFramework", "net10.0")]
    public void The_gate_does_not_run_in_design_time_builds_when_disabled_without_a_config_or_in_inner_builds(string properties, string globalName, string globalValue)
    {
        gate.RegisterMovedRows();
        var globals = globalName.Length == 0 ? null : new Dictionary<string, string> { [globalName] = globalValue };

        var run = InProcessBuild.Build(InProcessBuild.WriteProject(gate.Root, properties), globals);

        Assert.True(run.Succeeded, run.Log);
        Assert.False(run.Ran(Evaluate), run.Log);
    }

    [Fact]
    public void A_multi_targeted_project_gates_in_its_outer_build()
    {
        gate.RegisterMovedRows();
        var project = InProcessBuild.WriteProject(gate.Root, "<TargetFrameworks>net10.0;net9.0</TargetFrameworks>", multiTargeting: true);

        var run = InProcessBuild.Build(project);

        Assert.False(run.Succeeded);
        Assert.Equal("NMIG2001", Assert.Single(run.Errors).Code);
    }

    [Fact]
    public void A_config_file_set_by_property_enables_the_gate_relative_to_the_project()
    {
        File.Move(gate.ConfigPath, Path.Combine(gate.Root, "gate.yml"));

        var run = InProcessBuild.Build(InProcessBuild.WriteProject(gate.Root, "<NmiGateConfigFile>gate.yml</NmiGateConfigFile>"));

        Assert.False(run.Succeeded);
        Assert.Equal("NMIG4001", Assert.Single(run.Errors).Code);
    }

    [Fact]
    public void On_dotnet_framework_MSBuild_the_build_fails_with_one_NMIG5001_error_and_no_task_is_loaded()
    {
        gate.RegisterModel();
        var globals = new Dictionary<string, string> { ["_NmiGateMSBuildRuntimeType"] = "Full" };

        var run = InProcessBuild.Build(InProcessBuild.WriteProject(gate.Root), globals);

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Errors);
        Assert.Equal("NMIG5001", error.Code);
        Assert.Contains("dotnet build", error.Message, StringComparison.Ordinal);
        Assert.False(run.Ran("_NmiGateResolveInputs"));
    }

    [Fact]
    public void NmiGateOutOfProc_runs_the_tasks_in_the_MSBuild_task_host()
    {
        gate.RegisterModel();

        var run = InProcessBuild.Build(InProcessBuild.WriteProject(gate.Root, "<NmiGateOutOfProc>true</NmiGateOutOfProc>"));

        Assert.True(run.Succeeded, run.Log);
        Assert.True(run.HasMessage("NmiGate: Gate 'segments' PASS"), run.Log);
        Assert.True(run.HasMessage("external task host"), string.Join('\n', run.Messages.Select(m => m.Message)));
    }
}
