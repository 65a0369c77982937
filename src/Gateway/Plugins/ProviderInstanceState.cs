using Gateway.Abstractions.Plugins;

namespace Gateway.Plugins;

/// <summary>A live provider instance: its name, the plugin version that created it, and the instance itself.</summary>
internal sealed record ProviderInstanceState(string Name, LoadedPlugin Plugin, IProviderInstance Instance)
{
    /// <summary>The plugin name.</summary>
    public string PluginName => Plugin.Descriptor.Name;

    /// <summary>True when the instance's plugin serves <paramref name="channel"/>.</summary>
    public bool Serves(string channel) => Plugin.Descriptor.Channels.Contains(channel, StringComparer.Ordinal);
}
