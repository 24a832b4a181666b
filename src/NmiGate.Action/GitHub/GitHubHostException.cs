using NmiGate.Core.Diagnostics;

namespace NmiGate.Action.GitHub;

/// <summary>A problem with the GitHub environment or a report folder (not a bug): printed as one line, exit code 2.</summary>
internal sealed class GitHubHostException(string message, Exception? innerException = null) : NmiGateException(message, innerException)
{
    public override IReadOnlyList<string> FormatLines() => [$"nmigate: error: {Message}"];
}
