using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acme;

/// <summary>
/// The plugin's entry point: the host finds exactly this one public parameterless <see cref="IGatewayPlugin"/>.
/// Its name is the folder name and the assembly name (<c>plugins/Acme/Acme.dll</c>).
/// </summary>
public sealed class AcmePlugin : IGatewayPlugin
{
    /// <summary>The plugin name used in configuration (<c>Gateway:Providers:{instance}:Plugin</c>).</summary>
    public const string PluginName = "Acme";

    /// <summary>The channel this plugin serves.</summary>
    public const string Channel = "acmelower.qr";

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; } = new(PluginName, typeof(AcmePlugin).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", [Channel]);

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // Your own services go here, in the plugin's own container; HttpClient, cache, clock and logging come from the host.
    }

    /// <inheritdoc />
    public void ValidateSettings(IConfiguration settings, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        AcmeSettings.Bind(settings, errors);
    }

    /// <inheritdoc />
    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        var settings = AcmeSettings.Bind(context.Settings, errors);
        if (errors.Count > 0)
        {
            // The messages name keys only, never values.
            throw new InvalidOperationException($"Instance '{context.InstanceName}' has invalid settings: {string.Join(" ", errors)}");
        }

        var loggers = context.Services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new AcmeInstance(context.InstanceName, settings, Descriptor.Version, loggers.CreateLogger<AcmeInstance>());
    }
}
