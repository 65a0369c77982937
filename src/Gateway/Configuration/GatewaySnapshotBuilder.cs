using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins;
using Gateway.Routing;
using Microsoft.Extensions.Options;

namespace Gateway.Configuration;

/// <summary>
/// Validates a <see cref="GatewayConfig"/> against the loaded plugins and builds a
/// <see cref="GatewaySnapshot"/>. Like YARP's ConfigValidator it performs every check without
/// short-circuiting, so one start-up lists every problem, each naming the route or instance and key.
/// </summary>
internal sealed partial class GatewaySnapshotBuilder
{
    private readonly IReadOnlyDictionary<string, IRoutingPolicy> _policies;
    private readonly GatewayOptions _options;

    public GatewaySnapshotBuilder(IEnumerable<IRoutingPolicy> policies, IOptions<GatewayOptions> options)
    {
        _policies = policies.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        _options = options.Value;
    }

    /// <summary>
    /// Builds a snapshot, or returns null and fills <paramref name="errors"/>. An instance whose plugin is
    /// not loaded is not an error: it and the routes left without any instance are inactive (listed in
    /// <see cref="GatewaySnapshot.Inactive"/>) until the plugin folder is dropped in.
    /// </summary>
    public GatewaySnapshot? Build(GatewayConfig config, PluginSnapshot plugins, List<string> errors)
    {
        errors.AddRange(config.ReadErrors);
        var inactive = new List<string>();
        var clients = BuildClients(config, errors);
        var instances = BuildInstances(config, plugins, errors, inactive);
        var routes = BuildRoutes(config, instances, clients, errors, inactive);
        if (errors.Count > 0)
        {
            return null;
        }

        return new GatewaySnapshot(
            clients.ToFrozenDictionary(c => c.ApiKeySha256, StringComparer.Ordinal),
            clients.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal),
            instances.ToFrozenDictionary(StringComparer.Ordinal),
            new RouteTable(routes))
        {
            Inactive = inactive,
        };
    }

    private static List<ClientConfig> BuildClients(GatewayConfig config, List<string> errors)
    {
        var valid = new List<ClientConfig>();
        foreach (var client in config.Clients)
        {
            if (!Sha256Hex().IsMatch(client.ApiKeySha256))
            {
                errors.Add($"Gateway:Clients:{client.Id}:ApiKeySha256: must be the lower-case hex SHA-256 of the API key (64 characters).");
                continue;
            }

            if (client.WebhookUrl is not null && (!Uri.TryCreate(client.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            {
                errors.Add($"Gateway:Clients:{client.Id}:WebhookUrl: must be an absolute http(s) URL.");
            }
            else if (client.WebhookUrl is not null && new Uri(client.WebhookUrl).UserInfo.Length > 0)
            {
                // A user and password in the URL would be sent to whoever answers, and logged with the URL.
                errors.Add($"Gateway:Clients:{client.Id}:WebhookUrl: must not carry a user name or password.");
            }

            if (client.WebhookUrl is not null && client.WebhookSecrets.Count == 0)
            {
                errors.Add($"Gateway:Clients:{client.Id}:WebhookSecrets: required with a WebhookUrl (webhooks are always signed).");
            }

            if (client.WebhookSecrets.Count > 2 || client.WebhookSecrets.Any(s => s.Length < 16))
            {
                errors.Add($"Gateway:Clients:{client.Id}:WebhookSecrets: at most two secrets (for rotation), each at least 16 characters.");
            }

            valid.Add(client with { ApiKeySha256 = client.ApiKeySha256.ToLowerInvariant() });
        }

        foreach (var duplicate in valid.GroupBy(c => c.ApiKeySha256).Where(g => g.Count() > 1))
        {
            errors.Add($"Gateway:Clients: {string.Join(", ", duplicate.Select(c => c.Id))} share one API key.");
        }

        return valid;
    }

    private Dictionary<string, ProviderInstanceState> BuildInstances(GatewayConfig config, PluginSnapshot plugins, List<string> errors, List<string> inactive)
    {
        var instances = new Dictionary<string, ProviderInstanceState>(StringComparer.Ordinal);
        foreach (var provider in config.Providers)
        {
            var prefix = $"Gateway:Providers:{provider.Name}";
            if (!InstanceName().IsMatch(provider.Name))
            {
                errors.Add($"{prefix}: the instance name may only contain letters, digits, '-' and '_' (it appears in URLs).");
                continue;
            }

            if (string.IsNullOrEmpty(provider.Plugin))
            {
                errors.Add($"{prefix}:Plugin: is required.");
                continue;
            }

            if (!plugins.Plugins.TryGetValue(provider.Plugin, out var plugin))
            {
                // Not an error: the plugin may be dropped in later (DESIGN.md, "Drop-in without restart").
                var failure = plugins.Failures.FirstOrDefault(f => f.Name == provider.Plugin);
                inactive.Add(failure is null
                    ? $"{prefix}:Plugin: no plugin named '{provider.Plugin}' is loaded (loaded: {string.Join(", ", plugins.Plugins.Keys)}); the instance is inactive until it is."
                    : $"{prefix}:Plugin: plugin '{provider.Plugin}' failed to load: {failure.Error}; the instance is inactive.");
                continue;
            }

            var settingErrors = new List<string>();
            plugin.EntryPoint.ValidateSettings(provider.Settings, settingErrors);
            if (settingErrors.Count > 0)
            {
                errors.AddRange(settingErrors.Select(e => $"{prefix}:Settings: {e}"));
                continue;
            }

            try
            {
                instances.Add(provider.Name, new ProviderInstanceState(provider.Name, plugin, plugin.EntryPoint.CreateInstance(CreateContext(provider, plugin))));
            }
            catch (Exception ex)
            {
                errors.Add($"{prefix}: plugin '{provider.Plugin}' could not create the instance: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return instances;
    }

    private ProviderInstanceContext CreateContext(ProviderInstanceConfig provider, LoadedPlugin plugin)
    {
        var baseUrl = new Uri(_options.PublicBaseUrl.TrimEnd('/') + "/");
        return new ProviderInstanceContext
        {
            InstanceName = provider.Name,
            Settings = provider.Settings,
            Services = plugin.Services,
            NotifyUrl = new Uri(baseUrl, $"notify/{provider.Name}"),
            RefundNotifyUrl = new Uri(baseUrl, $"notify/{provider.Name}/refund"),
            PluginBaseUrl = new Uri(baseUrl, $"p/{provider.Name}/"),
            HttpClientName = ProviderHttpClients.NameFor(provider.Name),
        };
    }

    private List<RouteState> BuildRoutes(
        GatewayConfig config, Dictionary<string, ProviderInstanceState> instances, List<ClientConfig> clients, List<string> errors, List<string> inactive)
    {
        var knownProviders = config.Providers.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var routes = new List<RouteState>();
        foreach (var route in config.Routes)
        {
            var prefix = $"Gateway:Routes:{route.Id}";
            var before = errors.Count;
            if (string.IsNullOrEmpty(route.Channel))
            {
                errors.Add($"{prefix}:Channel: is required.");
            }

            if (route.Instances.Count == 0)
            {
                errors.Add($"{prefix}:Instances: at least one provider instance is required.");
            }

            foreach (var name in route.Instances)
            {
                if (!knownProviders.Contains(name))
                {
                    errors.Add($"{prefix}:Instances: '{name}' is not a configured provider instance.");
                }
                else if (instances.TryGetValue(name, out var instance) && !string.IsNullOrEmpty(route.Channel) && !instance.Serves(route.Channel))
                {
                    errors.Add($"{prefix}:Instances: '{name}' (plugin {instance.PluginName}) does not serve channel '{route.Channel}'.");
                }
            }

            foreach (var client in route.Clients.Where(c => clients.All(k => k.Id != c) && config.Clients.All(k => k.Id != c)))
            {
                errors.Add($"{prefix}:Clients: '{client}' is not a configured client.");
            }

            if (route.MinAmount > route.MaxAmount)
            {
                errors.Add($"{prefix}: MinAmount is larger than MaxAmount.");
            }

            if (!_policies.TryGetValue(route.Policy, out var policy))
            {
                errors.Add($"{prefix}:Policy: '{route.Policy}' is not a known policy ({string.Join(", ", _policies.Keys)}).");
            }

            ValidateWeights(route, prefix, errors);
            var active = route.Instances.Where(instances.ContainsKey).Select(n => instances[n]).ToList();
            if (errors.Count > before || policy is null)
            {
                continue;
            }

            if (active.Count == 0)
            {
                // Every instance is waiting for its plugin (already listed), so the route is too.
                inactive.Add($"{prefix}: no instance is active; requests for channel '{route.Channel}' are not routed by it until one is.");
                continue;
            }

            routes.Add(new RouteState(route, active, policy));
        }

        return routes;
    }

    private static void ValidateWeights(RouteConfig route, string prefix, List<string> errors)
    {
        foreach (var (instance, weight) in route.Weights)
        {
            if (!route.Instances.Contains(instance, StringComparer.Ordinal))
            {
                errors.Add($"{prefix}:Weights:{instance}: '{instance}' is not one of the route's instances.");
            }
            else if (weight < 0)
            {
                errors.Add($"{prefix}:Weights:{instance}: must be 0 or more.");
            }
        }

        if (string.Equals(route.Policy, RoutingPolicies.Weighted, StringComparison.OrdinalIgnoreCase)
            && route.Instances.Count > 0 && route.Instances.All(i => route.Weights.GetValueOrDefault(i, 1) == 0))
        {
            errors.Add($"{prefix}:Weights: at least one instance needs a weight above 0.");
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex InstanceName();
}
