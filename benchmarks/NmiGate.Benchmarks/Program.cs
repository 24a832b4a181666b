using BenchmarkDotNet.Running;

namespace NmiGate.Benchmarks;

/// <summary>Entry point: pick benchmarks with BenchmarkDotNet's usual arguments, e.g. <c>--filter '*Nmi*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by <paramref name="args"/>.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
