using System.Collections;
using Microsoft.Build.Framework;

namespace NmiGate.MSBuild.Tests.Support;

/// <summary>A hand-written <see cref="IBuildEngine"/> that records what a task logs.</summary>
internal sealed class FakeBuildEngine(string projectFile) : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode { get; } = projectFile;

    /// <summary>Everything logged, one line each, for assertion messages.</summary>
    public string Log => string.Join('\n', Errors.Select(e => $"error {e.Code} {e.File}({e.LineNumber},{e.ColumnNumber}): {e.Message}")
        .Concat(Warnings.Select(w => $"warning {w.Code} {w.File}({w.LineNumber},{w.ColumnNumber}): {w.Message}"))
        .Concat(Messages.Select(m => $"message {m.Importance}: {m.Message}")));

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("NmiGate tasks build no other project.");

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
