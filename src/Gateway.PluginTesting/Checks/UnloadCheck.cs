namespace Gateway.PluginTesting.Checks;

/// <summary>
/// After the loader is disposed, the plugin's load context must be collected. A timer or thread the plugin
/// started and did not stop (or a plugin type cached by someone else) keeps it alive, and then every
/// replacement of the plugin would leak a copy.
/// </summary>
internal static class UnloadCheck
{
    public const string Name = "unload";

    public static async Task<CheckResult> WaitAsync(WeakReference context, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        do
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!context.IsAlive)
            {
                return CheckResult.Pass(Name, "the load context was collected after unloading");
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return CheckResult.Fail(Name, $"the load context is still alive {timeout.TotalSeconds:0} s after unloading: stop your timers and threads when your services are disposed, and keep plugin types out of host caches");
    }
}
