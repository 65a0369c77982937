namespace Gateway.Configuration;

/// <summary>The <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    /// <summary>The section name.</summary>
    public const string SectionName = "Gateway";

    /// <summary>
    /// The URL providers and browsers reach this gateway at; notify URLs and plugin page URLs are built
    /// from it.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// True mounts the provider sandbox at <c>/sandbox</c> and adds a demo client, route and provider
    /// instances pointing at it. Opt-in: see <c>TestModeSwitch</c> (default on only in Development).
    /// </summary>
    public bool TestMode { get; set; }

    /// <summary>The plugins directory, relative to the host's base directory unless absolute.</summary>
    public string PluginsPath { get; set; } = "plugins";

    /// <summary>The payment store.</summary>
    public StoreOptions Store { get; set; } = new();

    /// <summary>Default expiry of a payment when the caller gives none, in seconds (WeChat's code_url lives 2 h).</summary>
    public int DefaultExpiresInSeconds { get; set; } = 7200;

    /// <summary>Largest notify body accepted, in bytes.</summary>
    public int MaxNotifyBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>The <c>Gateway:Store</c> section.</summary>
public sealed class StoreOptions
{
    /// <summary><c>Sqlite</c> (default, embedded) or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=gateway.db";
}
