using System.Reflection;
using System.Text.RegularExpressions;
using Gateway.Bulkheads;
using Gateway.Configuration;
using Gateway.Idempotency;
using Gateway.Management;
using Gateway.Notify;
using Gateway.Plugins;
using Gateway.RateLimiting;
using Gateway.Routing;
using Gateway.Sandbox.PaysApi.Configuration;
using Gateway.Sandbox.WeChatOpen;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.Sync;
using Gateway.Telemetry;
using Gateway.Webhooks;
using Microsoft.Extensions.Configuration;

namespace Gateway.Documentation.Tests;

/// <summary>
/// docs/operations.md is the configuration reference: every bindable property of every options class, as a
/// full configuration path, must be in it. Collections appear as <c>{n}</c>, dictionaries as any <c>{name}</c>.
/// </summary>
public sealed class OperationsReferenceTests
{
    // Each options root and the configuration section it is bound from.
    private static readonly (Type Type, string Section)[] Roots =
    [
        (typeof(GatewayOptions), "Gateway"),
        (typeof(ClientConfig), "Gateway:Clients:{id}"),
        (typeof(RouteConfig), "Gateway:Routes:{route}"),
        (typeof(ProviderInstanceConfig), "Gateway:Providers:{instance}"),
        (typeof(BulkheadOptions), "Gateway:Providers:{instance}:Bulkhead"),
        (typeof(AdminOptions), AdminOptions.SectionName),
        (typeof(NotifyOptions), "Gateway:Notify"),
        (typeof(IdempotencyOptions), "Gateway:Idempotency"),
        (typeof(WebhookOptions), "Gateway:Webhooks"),
        (typeof(SyncOptions), "Gateway:Sync"),
        (typeof(Gateway.Refunds.RefundOptions), "Gateway:Refunds"),
        (typeof(Gateway.Reconciliation.ReconciliationOptions), "Gateway:Reconciliation"),
        (typeof(Gateway.RequestHygiene.RequestHygieneOptions), "Gateway:Requests"),
        (typeof(Gateway.Security.OutboundUrlOptions), "Gateway:OutboundUrls"),
        (typeof(Gateway.Payments.UnexpectedPaymentOptions), Gateway.Payments.UnexpectedPaymentOptions.SectionName),
        (typeof(RoutingOptions), RoutingOptions.SectionName),
        (typeof(RateLimitOptions), RateLimitOptions.SectionName),
        (typeof(TelemetryOptions), TelemetryOptions.SectionName),
        (typeof(PluginReloadOptions), PluginReloadOptions.SectionName),
        (typeof(WeChatPaySandboxOptions), "Sandbox:" + WeChatPaySandboxOptions.SectionName),
        (typeof(WeChatOpenSandboxOptions), "Sandbox:" + WeChatOpenSandboxOptions.SectionName),
        (typeof(PaysApiSandboxOptions), "Sandbox:" + PaysApiSandboxOptions.SectionName),
        (typeof(Gateway.Checkout.CheckoutOptions), "Gateway:Checkout"),
        (typeof(Gateway.Sandbox.Faults.SandboxFaultsOptions), "Sandbox"),
    ];

    // Section names rather than settings: the record's key is the section's own name.
    private static readonly HashSet<string> SectionNameProperties =
        [$"{nameof(ClientConfig)}.{nameof(ClientConfig.Id)}", $"{nameof(RouteConfig)}.{nameof(RouteConfig.Id)}", $"{nameof(ProviderInstanceConfig)}.{nameof(ProviderInstanceConfig.Name)}"];

    [Fact]
    public void EverySetting_IsDocumented()
    {
        var doc = RepositoryFiles.Read("docs/operations.md");
        var missing = Roots.SelectMany(r => Paths(r.Type, r.Section)).Where(path => !IsDocumented(doc, path)).ToList();
        Assert.True(missing.Count == 0, "Settings missing from docs/operations.md:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryOptionsClass_IsReachedFromARoot()
    {
        var reached = new HashSet<Type>();
        foreach (var (type, section) in Roots)
        {
            _ = Paths(type, section, reached).ToList();
        }

        // Static classes (e.g. GatewayJsonOptions) hold shared settings objects, not bound configuration.
        var options = new[] { typeof(GatewayOptions).Assembly, typeof(WeChatPaySandboxOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !(t.IsAbstract && t.IsSealed) && t.Name.EndsWith("Options", StringComparison.Ordinal) && t.Namespace?.StartsWith("Gateway", StringComparison.Ordinal) == true);
        Assert.Empty(options.Where(t => !reached.Contains(t)).Select(t => t.FullName));
    }

    [Fact]
    public void Checker_FindsAnUndocumentedSetting()
    {
        var paths = Paths(typeof(TelemetryOptions), TelemetryOptions.SectionName).ToList();
        Assert.Contains("Gateway:Telemetry:Otlp:Endpoint", paths);
        Assert.False(IsDocumented("`Gateway:Telemetry:ServiceName`", "Gateway:Telemetry:Otlp:Endpoint"));
        Assert.True(IsDocumented("`Gateway:Routes:{r}:Weights:{instance}`", "Gateway:Routes:{route}:Weights:{key}"));
    }

    private static bool IsDocumented(string doc, string path)
    {
        var pattern = "`" + string.Join(@"\{[a-z]+\}", path.Split(['{', '}']).Where((_, i) => i % 2 == 0).Select(Regex.Escape)) + "`";
        return Regex.IsMatch(doc, pattern);
    }

    private static IEnumerable<string> Paths(Type type, string prefix, HashSet<Type>? reached = null)
    {
        reached?.Add(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || SectionNameProperties.Contains($"{type.Name}.{property.Name}"))
            {
                continue;
            }

            foreach (var path in PathsOf(property.PropertyType, $"{prefix}:{property.Name}", reached))
            {
                yield return path;
            }
        }
    }

    private static IEnumerable<string> PathsOf(Type type, string path, HashSet<Type>? reached)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsLeaf(type))
        {
            return [path];
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string))
        {
            return PathsOf(value, path + ":{key}", reached);
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var item])
        {
            return PathsOf(item, path + ":{n}", reached);
        }

        return Paths(type, path, reached);
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(Uri) || typeof(IConfiguration).IsAssignableFrom(type);
}
