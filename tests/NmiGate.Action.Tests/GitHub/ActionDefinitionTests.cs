using System.Diagnostics;
using NmiGate.Action.GitHub;
using NmiGate.TestUtilities;
using YamlDotNet.RepresentationModel;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>
/// <c>action.yml</c> and the example workflows: inputs only through <c>env:</c>, outputs wired to
/// what the program writes, and the run script's arguments (executed with a stand-in <c>dotnet</c>).
/// The schema itself is checked by <c>@action-validator/cli</c> in <c>.ci/run</c>.
/// </summary>
public sealed class ActionDefinitionTests
{
    private static readonly string ActionPath = Path.Combine(RepositoryPaths.Root, "action.yml");

    public static TheoryData<string> WorkflowFiles()
    {
        var data = new TheoryData<string> { "action.yml" };
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "customer-segmentation", "workflows"), "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void No_run_script_contains_an_expression(string relativePath)
    {
        var root = Load(Path.Combine(RepositoryPaths.Root, relativePath));
        var scripts = Descendants(root).OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Where(c => c.Key is YamlScalarNode { Value: "run" }).Select(c => ((YamlScalarNode)c.Value).Value!))
            .ToList();

        // The fork-safe examples have no script at all (only uses: steps); action.yml has two.
        Assert.True(relativePath != "action.yml" || scripts.Count == 2, string.Join('\n', scripts));
        Assert.All(scripts, script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_input_reaches_the_program_through_env_and_every_output_is_one_the_program_writes()
    {
        var root = Load(ActionPath);
        var inputs = ((YamlMappingNode)root["inputs"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
        var steps = (YamlSequenceNode)((YamlMappingNode)root["runs"])["steps"];
        var run = steps.Children.OfType<YamlMappingNode>().Single(s => s.Children.TryGetValue("id", out var id) && ((YamlScalarNode)id).Value == "nmigate");
        var env = ((YamlMappingNode)run["env"]).Children.Values.Select(v => ((YamlScalarNode)v).Value).ToList();
        var workingDirectory = ((YamlScalarNode)run["working-directory"]).Value;

        Assert.Equal(["config", "github-token", "comment", "fail-on-warn", "record", "working-directory", "command", "report-dir"], inputs);
        Assert.All(inputs.Where(i => i != "working-directory"), i => Assert.Contains($"${{{{ inputs.{i} }}}}", env));
        Assert.Equal("${{ inputs.working-directory }}", workingDirectory);

        var outputs = ((YamlMappingNode)root["outputs"]).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)((YamlMappingNode)c.Value)["value"]).Value);
        var written = GitHubPublisher.Outputs(new PublishRequest("g", PublishVerdict.Pass, "h", "m", 1, 1, []), null).Select(o => o.Key).ToHashSet();
        Assert.Equal(["verdict", "nmi", "ami", "report-json", "comment-url"], outputs.Keys);
        Assert.All(outputs, o => Assert.Equal($"${{{{ steps.nmigate.outputs.{o.Key} }}}}", o.Value));
        Assert.Subset(written, outputs.Keys.ToHashSet());
    }

    [Theory]
    [InlineData("check", "true", "false", "", "check|--config|cfg/nmi gate.yml|--comment|true")]
    [InlineData("check", "false", "true", "out dir", "check|--config|cfg/nmi gate.yml|--comment|false|--fail-on-warn|--report-dir|out dir")]
    [InlineData("publish", "true", "false", "report", "publish|--report-dir|report|--comment|true")]
    public void The_run_script_passes_inputs_as_arguments_and_never_evaluates_them(string command, string comment, string failOnWarn, string reportDir, string expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The script runs under bash on every runner; this test drives it with /bin/bash.
        }

        using var workspace = new TempWorkspace("action-script");
        var argsFile = workspace.PathOf("args.txt");
        workspace.WriteText("bin/dotnet", $"#!/bin/bash\nshift\nprintf '%s|' \"$@\" > '{argsFile}'\n");
        File.SetUnixFileMode(workspace.PathOf("bin/dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var root = Load(ActionPath);
        var run = ((YamlSequenceNode)((YamlMappingNode)root["runs"])["steps"]).Children.OfType<YamlMappingNode>()
            .Single(s => s.Children.TryGetValue("id", out var id) && ((YamlScalarNode)id).Value == "nmigate");
        var script = workspace.WriteText("step.sh", ((YamlScalarNode)run["run"]).Value!);
        var start = new ProcessStartInfo("/bin/bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workspace.Root };
        start.Environment["PATH"] = workspace.PathOf("bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["RUNNER_TEMP"] = workspace.Root;
        start.Environment["NMIGATE_COMMAND"] = command;
        start.Environment["NMIGATE_CONFIG"] = "cfg/nmi gate.yml";
        start.Environment["NMIGATE_COMMENT"] = comment;
        start.Environment["NMIGATE_FAIL_ON_WARN"] = failOnWarn;
        start.Environment["NMIGATE_RECORD"] = "false";
        start.Environment["NMIGATE_REPORT_DIR"] = reportDir;
        start.Environment["GITHUB_TOKEN"] = "$(touch pwned)";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal(expected + "|", File.ReadAllText(argsFile));
        Assert.False(File.Exists(workspace.PathOf("pwned")));
    }

    private static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlNode> Descendants(YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.SelectMany(c => Descendants(c.Value).Prepend(c.Value)),
        YamlSequenceNode s => s.Children.SelectMany(c => Descendants(c).Prepend(c)),
        _ => [],
    };
}
