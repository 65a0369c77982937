namespace Gateway.Abstractions.Plugins;

/// <summary>
/// The version of the plugin contract. A plugin records the value it was compiled against
/// (<see cref="PluginDescriptor.ContractVersion"/> defaults to this constant, which is baked into
/// the plugin at compile time); the host refuses a plugin whose major version differs from its own.
/// </summary>
public static class ContractVersion
{
    /// <summary>Bumped for breaking changes to the contract.</summary>
    public const int Major = 1;

    /// <summary>Bumped for additive changes; a plugin built against an older minor still loads.</summary>
    public const int Minor = 4;

    /// <summary>The version as text, e.g. <c>1.4</c>.</summary>
    public const string Text = "1.4";
}
