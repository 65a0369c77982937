using Microsoft.Extensions.Configuration;

namespace Gateway.Configuration;

/// <summary>A provider instance from <c>Gateway:Providers:{name}</c>: a plugin plus its settings.</summary>
/// <param name="Name">The instance name (the section name); appears in notify and plugin routes.</param>
/// <param name="Plugin">The plugin name, e.g. <c>WeChatNative</c>.</param>
/// <param name="Settings">The instance's <c>Settings</c> section, validated by the plugin.</param>
public sealed record ProviderInstanceConfig(string Name, string Plugin, IConfigurationSection Settings);
