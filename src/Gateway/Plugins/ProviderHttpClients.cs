namespace Gateway.Plugins;

/// <summary>Names of the host-configured HttpClients handed to provider instances.</summary>
internal static class ProviderHttpClients
{
    /// <summary>The prefix of every provider client name.</summary>
    public const string Prefix = "provider:";

    /// <summary>The client name for an instance.</summary>
    public static string NameFor(string instanceName) => Prefix + instanceName;
}
