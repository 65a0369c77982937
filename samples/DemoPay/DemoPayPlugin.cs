using System.Reflection;
using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoPay;

/// <summary>
/// The entry point the gateway finds by reflection: exactly one public, parameterless
/// <see cref="IGatewayPlugin"/> per plugin assembly. DemoPay is a pretend provider serving
/// <c>demo.qr</c>: it answers every order with a QR code and accepts HMAC-signed JSON notifies.
/// </summary>
public sealed class DemoPayPlugin : IGatewayPlugin
{
    /// <summary>The plugin name; also its folder and assembly name.</summary>
    public const string PluginName = "DemoPay";

    /// <summary>The channel the plugin serves.</summary>
    public const string Channel = "demo.qr";

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; } = new(PluginName, typeof(DemoPayPlugin).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", [Channel])
    {
        // Normally left to its default, the contract version this plugin was compiled against.
        ContractVersion = ContractOverride() ?? ContractVersion.Text,
    };

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // DemoPay needs nothing of its own; HttpClient, cache, clock and logging come from the host.
    }

    /// <inheritdoc />
    public void ValidateSettings(IConfiguration settings, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        DemoPaySettings.Bind(settings, errors);
    }

    /// <inheritdoc />
    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        var settings = DemoPaySettings.Bind(context.Settings, errors);
        if (errors.Count > 0)
        {
            // The messages name keys only, never values.
            throw new InvalidOperationException($"Instance '{context.InstanceName}' has invalid settings: {string.Join(" ", errors)}");
        }

        var loggers = context.Services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new DemoPayInstance(context.InstanceName, settings, Descriptor.Version, loggers.CreateLogger<DemoPayInstance>());
    }

    private static string? ContractOverride() => typeof(DemoPayPlugin).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "DemoPay.ContractVersion")?.Value;
}
