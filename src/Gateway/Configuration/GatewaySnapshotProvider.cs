using Gateway.Plugins;
using Microsoft.Extensions.Options;

namespace Gateway.Configuration;

/// <summary>
/// Holds the current <see cref="GatewaySnapshot"/>. The first load blocks start-up and throws with
/// every problem; later reloads (a later issue) keep the last good snapshot when the new one is invalid.
/// </summary>
internal sealed class GatewaySnapshotProvider
{
    private readonly IConfiguration _configuration;
    private readonly PluginCatalog _plugins;
    private readonly GatewaySnapshotBuilder _builder;
    private GatewaySnapshot _current = GatewaySnapshot.Empty;

    public GatewaySnapshotProvider(IConfiguration configuration, PluginCatalog plugins, GatewaySnapshotBuilder builder)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _plugins = plugins ?? throw new ArgumentNullException(nameof(plugins));
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
    }

    /// <summary>The snapshot requests are served from.</summary>
    public GatewaySnapshot Current => Volatile.Read(ref _current);

    /// <summary>Loads plugins and configuration; throws <see cref="GatewayConfigurationException"/> listing every problem.</summary>
    public void InitialLoad()
    {
        _plugins.LoadAll();
        var errors = new List<string>();
        var snapshot = _builder.Build(GatewayConfig.Read(_configuration.GetSection(GatewayOptions.SectionName)), _plugins.Snapshot, errors);
        if (snapshot is null)
        {
            throw new GatewayConfigurationException(errors);
        }

        Interlocked.Exchange(ref _current, snapshot);
    }
}
