using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;
using NmiGate.MSBuild.Tests.Support;

namespace NmiGate.MSBuild.Tests.InProcess;

/// <summary>Everything one in-process build logged.</summary>
internal sealed record BuildRun(
    bool Succeeded,
    IReadOnlyList<BuildErrorEventArgs> Errors,
    IReadOnlyList<BuildWarningEventArgs> Warnings,
    IReadOnlyList<BuildMessageEventArgs> Messages,
    IReadOnlyList<string> TargetsRun,
    IReadOnlyList<string> TargetsSkippedAsUpToDate)
{
    public bool Ran(string target) => TargetsRun.Contains(target);

    public bool HasMessage(string text) => Messages.Any(m => m.Message?.Contains(text, StringComparison.Ordinal) == true);

    public string Log => string.Join('\n', Errors.Select(e => $"error {e.Code} {e.File}({e.LineNumber},{e.ColumnNumber}): {e.Message}")
        .Concat(Warnings.Select(w => $"warning {w.Code} {w.File}({w.LineNumber},{w.ColumnNumber}): {w.Message}"))
        .Concat(Messages.Where(m => m.Importance != MessageImportance.Low).Select(m => $"message: {m.Message}")));
}

/// <summary>
/// Builds a small project with MSBuild's <see cref="BuildManager"/> in this process. The project
/// imports the NmiGate props and targets from the source tree and loads the freshly built task.
/// </summary>
internal static class InProcessBuild
{
    public const string HelpLinkBase = "file:///nmigate/docs/diagnostics.md";

    /// <summary>
    /// Writes <c>app.proj</c> in <paramref name="folder"/>: a Build target that does nothing, with
    /// NmiGate imported around it (the <c>buildMultiTargeting</c> files for an outer build).
    /// </summary>
    public static string WriteProject(string folder, string properties = "", bool multiTargeting = false)
    {
        var targets = TaskBuildPaths.TargetsFolder(multiTargeting);
        var path = Path.Combine(folder, "app.proj");
        File.WriteAllText(path, $"""
            <Project>
              <PropertyGroup>
                <IntermediateOutputPath>obj/</IntermediateOutputPath>
                <NmiGateTasksAssembly>{TaskBuildPaths.TaskAssembly}</NmiGateTasksAssembly>
                <NmiGateHelpLinkBase>{HelpLinkBase}</NmiGateHelpLinkBase>
                {properties}
              </PropertyGroup>
              <Import Project="{Path.Combine(targets, "NmiGate.MSBuild.props")}" />
              <Target Name="Build" />
              <Import Project="{Path.Combine(targets, "NmiGate.MSBuild.targets")}" />
            </Project>
            """);
        return path;
    }

    /// <summary>Builds <paramref name="target"/> of <paramref name="project"/>, re-reading every file (a new project collection).</summary>
    public static BuildRun Build(string project, IDictionary<string, string>? globalProperties = null, string target = "Build")
    {
        var logger = new CollectingLogger();
        using var collection = new ProjectCollection();
        var parameters = new BuildParameters(collection)
        {
            Loggers = [logger],
            EnableNodeReuse = false,
            MaxNodeCount = 1,
        };
        var globals = (globalProperties ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, string? (p) => p.Value);
        var request = new BuildRequestData(project, globals, null, [target], null);
        BuildResult result;
        // BuildManager.DefaultBuildManager runs one build at a time per process.
        lock (typeof(InProcessBuild))
        {
            result = BuildManager.DefaultBuildManager.Build(parameters, request);
        }

        return new BuildRun(result.OverallResult == BuildResultCode.Success, logger.Errors, logger.Warnings, logger.Messages, logger.TargetsRun, logger.TargetsSkipped);
    }

    private sealed class CollectingLogger : ILogger
    {
        public List<BuildErrorEventArgs> Errors { get; } = [];

        public List<BuildWarningEventArgs> Warnings { get; } = [];

        public List<BuildMessageEventArgs> Messages { get; } = [];

        public List<string> TargetsRun { get; } = [];

        public List<string> TargetsSkipped { get; } = [];

        public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Diagnostic;

        public string? Parameters { get; set; }

        public void Initialize(IEventSource eventSource)
        {
            eventSource.ErrorRaised += (_, e) => Errors.Add(e);
            eventSource.WarningRaised += (_, e) => Warnings.Add(e);
            eventSource.TargetStarted += (_, e) => TargetsRun.Add(e.TargetName);
            eventSource.MessageRaised += (_, e) =>
            {
                if (e is TargetSkippedEventArgs { SkipReason: TargetSkipReason.OutputsUpToDate } skipped)
                {
                    TargetsSkipped.Add(skipped.TargetName);
                }

                Messages.Add(e);
            };
        }

        public void Shutdown()
        {
        }
    }
}
