using Microsoft.Extensions.Configuration;

namespace Gateway.Configuration;

/// <summary>
/// An immutable snapshot of the routing configuration: clients, routes and provider instances, read
/// from the <c>Gateway</c> section.
/// </summary>
public sealed record GatewayConfig(
    IReadOnlyList<ClientConfig> Clients,
    IReadOnlyList<RouteConfig> Routes,
    IReadOnlyList<ProviderInstanceConfig> Providers,
    IReadOnlyList<string> ReadErrors)
{
    /// <summary>Reads the snapshot; shape problems are left to <see cref="GatewayConfigValidator"/>.</summary>
    public static GatewayConfig Read(IConfiguration gatewaySection)
    {
        var errors = new List<string>();
        var clients = gatewaySection.GetSection("Clients").GetChildren()
            .Select(c => new ClientConfig(c.Key, c["ApiKeySha256"] ?? "")
            {
                WebhookUrl = c["WebhookUrl"],
                DisplayName = c["DisplayName"],
                WebhookSecrets = ReadList(c.GetSection("WebhookSecrets")),
                WebhookHosts = ReadList(c.GetSection("WebhookHosts")),
            })
            .ToList();

        var routes = gatewaySection.GetSection("Routes").GetChildren()
            .Select((r, index) => new RouteConfig
            {
                Id = r.Key,
                Channel = r["Channel"] ?? "",
                Clients = ReadList(r.GetSection("Clients")),
                MinAmount = ReadLong(r, "MinAmount", errors),
                MaxAmount = ReadLong(r, "MaxAmount", errors),
                Order = (int)(ReadLong(r, "Order", errors) ?? 0),
                Instances = ReadList(r.GetSection("Instances")),
                Policy = r["Policy"] ?? Routing.RoutingPolicies.First,
                Weights = r.GetSection("Weights").GetChildren()
                    .Select(w => (w.Key, Weight: ReadLong(r, "Weights:" + w.Key, errors)))
                    .Where(w => w.Weight is not null)
                    .ToDictionary(w => w.Key, w => (int)Math.Clamp(w.Weight!.Value, -1, int.MaxValue), StringComparer.Ordinal),
            })
            .ToList();

        var providers = gatewaySection.GetSection("Providers").GetChildren()
            .Select(p => new ProviderInstanceConfig(p.Key, p["Plugin"] ?? "", Detach(p.GetSection("Settings"))))
            .ToList();

        return new GatewayConfig(clients, routes, providers, errors);
    }

    /// <summary>
    /// A copy of <paramref name="section"/> with the same path. The live section would follow later edits,
    /// but the last good configuration must keep its values: a plugin swap rebuilds from it after a bad
    /// configuration reload was refused.
    /// </summary>
    private static IConfigurationSection Detach(IConfigurationSection section)
    {
        var values = section.AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Key.Length > 0 && kv.Value is not null)
            .Select(kv => KeyValuePair.Create(section.Path + ConfigurationPath.KeyDelimiter + kv.Key, kv.Value));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(section.Path);
    }

    private static long? ReadLong(IConfigurationSection section, string key, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{section.Path}:{key}: '{text}' is not an integer.");
        return null;
    }

    private static List<string> ReadList(IConfigurationSection section)
    {
        // Accept both an array and a single comma-separated string (handy in environment variables).
        var children = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (children.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
        {
            children = section.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        return children;
    }
}
