namespace NmiGate.Action.Tests.Support;

/// <summary>The outcome of one in-process <c>nmigate</c> run.</summary>
internal sealed record NmigateRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs <see cref="Program.Run"/> with captured output.</summary>
    public static NmigateRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Program.Run(args, stdout, stderr);
        return new NmigateRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
