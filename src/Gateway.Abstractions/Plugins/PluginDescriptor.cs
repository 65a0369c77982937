namespace Gateway.Abstractions.Plugins;

/// <summary>What a plugin says about itself.</summary>
/// <param name="Name">The plugin name used in configuration (e.g. <c>WeChatNative</c>); also its folder name.</param>
/// <param name="Version">The plugin's own version.</param>
/// <param name="Channels">The channels its instances can serve (e.g. <c>wechat.native</c>).</param>
public sealed record PluginDescriptor(string Name, string Version, IReadOnlyList<string> Channels)
{
    /// <summary>
    /// The contract version the plugin was compiled against. The default takes the
    /// <see cref="Plugins.ContractVersion"/> constants, which the compiler copies into the plugin.
    /// </summary>
    public string ContractVersion { get; init; } = Plugins.ContractVersion.Text;
}
