using Microsoft.Extensions.Configuration;

namespace Gateway.PluginTesting;

/// <summary>What the checks need besides the folder.</summary>
public sealed class PluginCheckOptions
{
    /// <summary>
    /// Settings of one valid instance (the same keys ops put under <c>Gateway:Providers:{instance}:Settings</c>).
    /// With none, the checks that need an instance report that they could not run.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>How long one notify may take before it counts as hanging. Default 5 s.</summary>
    public TimeSpan NotifyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the plugin's load context may take to be collected after unloading. Default 10 s.</summary>
    public TimeSpan UnloadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    internal IConfiguration Configuration(IEnumerable<KeyValuePair<string, string?>>? values = null)
        => new ConfigurationBuilder().AddInMemoryCollection(values ?? Settings).Build();
}
