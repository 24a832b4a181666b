using BenchmarkDotNet.Running;

namespace NmiGate.Benchmarks;

/// <summary>
/// Entry point: pick benchmarks with BenchmarkDotNet's usual arguments, e.g. <c>--filter '*Nmi*'</c>;
/// or <c>peak-memory [runs]</c> for benchmark 4's peak resident set, measured in fresh processes.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by <paramref name="args"/>.</summary>
    public static int Main(string[] args)
    {
        // Handled before the switcher, which would take them for benchmark names.
        switch (args.FirstOrDefault())
        {
            case PeakMemory.Argument:
                return PeakMemory.Run(args);
            case PeakMemory.ChildArgument:
                return PeakMemory.RunChild(args);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
