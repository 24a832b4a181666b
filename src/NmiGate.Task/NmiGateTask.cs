using System.Reflection;
using Microsoft.Build.Framework;
using NmiGate.Core.Diagnostics;

namespace NmiGate.MSBuild;

/// <summary>
/// The base of every NmiGate task: a sealed <see cref="Execute"/> that turns expected failures
/// (<see cref="NmiGateException"/>) into coded errors without a stack trace, a bug into one coded
/// error, and returns <c>!Log.HasLoggedErrors</c>, so a task can never pass after logging an error.
/// </summary>
#pragma warning disable CA1001 // MSBuild never disposes tasks; a source without timers or a read WaitHandle holds nothing to release.
public abstract class NmiGateTask : Microsoft.Build.Utilities.Task, ICancelableTask
#pragma warning restore CA1001
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>Where the codes are explained: a URL or path of <c>docs/diagnostics.md</c>, to which <c>#nmigxxxx</c> is appended.</summary>
    public string? HelpLinkBase { get; set; }

    /// <summary>The task's version as it enters the incremental fingerprint: a rebuilt task re-evaluates the gate.</summary>
    internal static string TaskVersion { get; } =
        $"{typeof(NmiGateTask).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion} {typeof(NmiGateTask).Assembly.ManifestModule.ModuleVersionId:N}";

    /// <summary>Cancelled when MSBuild cancels the build (Ctrl+C).</summary>
    protected CancellationToken CancellationToken => cancellation.Token;

    /// <inheritdoc/>
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (NmiGateException error)
        {
            Report(BuildMessages.FromException(error, HelpLinkBase));
            OnCouldNotEvaluate();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Log.LogMessage(MessageImportance.High, "NmiGate: cancelled.");
            OnCouldNotEvaluate();
            return false;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A bug: say so once, with the stack for the report, and never let it read as a pass.
            Log.LogError(null, TaskDiagnosticCodes.InternalError, null, BuildMessages.HelpLink(TaskDiagnosticCodes.InternalError, HelpLinkBase), null, 0, 0, 0, 0, "NmiGate stopped on an unexpected error (a bug; please report it): " + error.ToString());
            OnCouldNotEvaluate();
        }

        return !Log.HasLoggedErrors;
    }

    /// <inheritdoc/>
    public void Cancel() => cancellation.Cancel();

    /// <summary>The task's work; throw <see cref="NmiGateException"/> for expected failures.</summary>
    protected abstract void ExecuteCore();

    /// <summary>Called after an error stopped <see cref="ExecuteCore"/>: forget any stored verdict.</summary>
    protected virtual void OnCouldNotEvaluate()
    {
    }

    /// <summary>Logs each message as an MSBuild error, warning or message.</summary>
    private protected void Report(IEnumerable<BuildMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var m in messages)
        {
            switch (m.Kind)
            {
                case BuildMessageKind.Error:
                    Log.LogError(null, m.Code, null, m.HelpLink, m.File, m.Line, m.Column, 0, 0, m.Text);
                    break;
                case BuildMessageKind.Warning:
                    Log.LogWarning(null, m.Code, null, m.HelpLink, m.File, m.Line, m.Column, 0, 0, m.Text);
                    break;
                case BuildMessageKind.Summary:
                    Log.LogMessage(MessageImportance.High, m.Text);
                    break;
                default:
                    Log.LogMessage(MessageImportance.Normal, m.Text);
                    break;
            }
        }
    }
}
