using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Plugins.WeChat.Common;

/// <summary>
/// The entry point the three WeChat plugins share: one channel each, settings bound and checked by the
/// plugin's own settings class (never throwing for bad settings), and the host services every instance
/// needs resolved once. A plugin only says how to bind its settings and build its instance.
/// </summary>
/// <typeparam name="TSettings">The plugin's bound settings.</typeparam>
internal abstract class WeChatPayPlugin<TSettings> : IGatewayPlugin
{
    protected WeChatPayPlugin(string name, string channel)
    {
        Descriptor = new(name, GetType().Assembly.GetName().Version?.ToString() ?? "0.0.0", [channel]);
    }

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; }

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // Everything the instances need (HTTP, cache, time, logging) comes from the host's offer.
    }

    /// <inheritdoc />
    public void ValidateSettings(IConfiguration settings, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        Bind(settings, errors);
    }

    /// <inheritdoc />
    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        var settings = Bind(context.Settings, errors);
        if (errors.Count > 0)
        {
            // The messages name keys only, never values, so they are safe to surface.
            throw new InvalidOperationException($"Instance '{context.InstanceName}' has invalid settings: {string.Join(" ", errors)}");
        }

        var services = context.Services;
        var host = new WeChatInstanceServices(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(context.HttpClientName),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        return Create(context, settings, host);
    }

    /// <summary>Binds and checks the settings, adding one message per bad key.</summary>
    protected abstract TSettings Bind(IConfiguration settings, ICollection<string> errors);

    /// <summary>Builds an instance from valid settings.</summary>
    protected abstract IProviderInstance Create(ProviderInstanceContext context, TSettings settings, WeChatInstanceServices host);
}

/// <summary>The host services a WeChat instance is built with.</summary>
internal sealed record WeChatInstanceServices(HttpClient Http, TimeProvider Time, ILoggerFactory Loggers);
