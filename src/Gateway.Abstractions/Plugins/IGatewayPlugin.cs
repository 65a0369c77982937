using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Abstractions.Plugins;

/// <summary>
/// The entry point of a provider plugin. The host finds exactly one public, parameterless
/// implementation in the plugin's main assembly.
/// </summary>
public interface IGatewayPlugin
{
    /// <summary>Name, version and channels of the plugin.</summary>
    PluginDescriptor Descriptor { get; }

    /// <summary>
    /// Registers the plugin's services in its own service provider (never the host's). The host has
    /// already added the services listed in <see cref="ProviderInstanceContext"/>.
    /// </summary>
    void ConfigureServices(IServiceCollection services);

    /// <summary>
    /// Checks one instance's settings and adds one message per problem, naming the key
    /// (e.g. <c>MchId is required</c>). Must not throw for bad settings.
    /// </summary>
    void ValidateSettings(IConfiguration settings, ICollection<string> errors);

    /// <summary>Creates a provider instance from settings that passed <see cref="ValidateSettings"/>.</summary>
    IProviderInstance CreateInstance(ProviderInstanceContext context);
}
