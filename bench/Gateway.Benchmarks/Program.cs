using BenchmarkDotNet.Running;

namespace Gateway.Benchmarks;

/// <summary>Entry point.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
