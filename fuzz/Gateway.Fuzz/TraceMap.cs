using System.Runtime.InteropServices;

namespace Gateway.Fuzz;

/// <summary>The coverage map the instrumented assemblies write to when afl-fuzz has not given one.</summary>
internal static unsafe class TraceMap
{
    // SharpFuzz's map size (AFL's classic 64 KiB).
    private const int Size = 1 << 16;

    public static void UseLocal() => SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(Size);
}
