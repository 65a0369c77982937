namespace Gateway.Sandbox.Faults;

/// <summary>The delay a fault asks for, with its default.</summary>
internal static class FaultDelay
{
    public static TimeSpan Of(SandboxFault fault, int defaultMs = 1000) => TimeSpan.FromMilliseconds(fault.DelayMs ?? defaultMs);
}
