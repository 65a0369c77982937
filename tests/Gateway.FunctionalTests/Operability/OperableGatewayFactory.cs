using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Security;
using Gateway.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Gateway.FunctionalTests.Operability;

/// <summary>
/// The functional gateway plus what the operability tests need: spans kept in memory, a store that can be
/// made to fail, a tightly limited client, and a third merchant account whose provider answers slowly
/// (behind <c>/slowsandbox</c>, a delay in front of the real sandbox) with a bulkhead of one call.
/// </summary>
public sealed class OperableGatewayFactory : GatewayFactory
{
    public const string AdminKey = "sk_test_admin";
    public const string LimitedKey = "sk_test_client_limited";
    public const string SlowClientKey = "sk_test_client_slow";
    public const string MerchantSlowKey = "0123456789abcdef0123456789abcdef";
    public const string MchSlow = "1900000003";
    public const string AppSlow = "wxcccccccccccccccc";
    public static readonly TimeSpan SlowProviderDelay = TimeSpan.FromSeconds(4);

    public OperableGatewayFactory()
        : this(new State())
    {
    }

    private OperableGatewayFactory(State state)
        : base(ExtraSettings, services => Configure(services, state))
    {
        Spans = state.Spans;
        Store = state.Store;
    }

    /// <summary>Every finished span of this process (filter by trace or payment id: other hosts trace too).</summary>
    public ConcurrentQueue<Activity> Spans { get; }

    /// <summary>The store switch: set <see cref="SwitchableStore.Broken"/> to make every call fail.</summary>
    public StoreHolder Store { get; }

    private static Dictionary<string, string?> ExtraSettings(int port) => new()
    {
        ["Gateway:Clients:client-limited:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(LimitedKey),
        ["Gateway:RateLimits:Clients:client-limited:PermitsPerSecond"] = "1",
        ["Gateway:RateLimits:Clients:client-limited:Burst"] = "3",

        ["Gateway:Clients:client-slow:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(SlowClientKey),
        ["Gateway:Routes:native-slow:Channel"] = "wechat.native",
        ["Gateway:Routes:native-slow:Clients:0"] = "client-slow",
        ["Gateway:Routes:native-slow:Instances:0"] = "wx-slow",
        ["Gateway:Routes:native-slow:Order"] = "-1",
        ["Gateway:Providers:wx-slow:Plugin"] = "WeChatNative",
        ["Gateway:Providers:wx-slow:Settings:AppId"] = AppSlow,
        ["Gateway:Providers:wx-slow:Settings:MchId"] = MchSlow,
        ["Gateway:Providers:wx-slow:Settings:ApiKey"] = MerchantSlowKey,
        ["Gateway:Providers:wx-slow:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/slowsandbox/wechatpay",
        ["Gateway:Providers:wx-slow:Bulkhead:MaxConcurrency"] = "1",
        ["Gateway:Providers:wx-slow:Bulkhead:MaxQueue"] = "0",
        ["Gateway:Providers:wx-slow:Bulkhead:TimeoutSeconds"] = "1.5",
        ["Sandbox:WeChatPay:Merchants:3:MchId"] = MchSlow,
        ["Sandbox:WeChatPay:Merchants:3:ApiKey"] = MerchantSlowKey,
        ["Sandbox:WeChatPay:Merchants:3:AppIds:0"] = AppSlow,
    };

    private static void Configure(IServiceCollection services, State state)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new SpanList(state.Spans)));
        services.DecoratePaymentStore(store => state.Store.Current = new SwitchableStore(store));
        services.AddSingleton<IStartupFilter, SlowSandboxFilter>();
    }

    private sealed class State
    {
        public ConcurrentQueue<Activity> Spans { get; } = new();

        public StoreHolder Store { get; } = new();
    }

    /// <summary>Delays <c>/slowsandbox/*</c>, then serves it as <c>/sandbox/*</c>: a slow provider.</summary>
    private sealed class SlowSandboxFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments("/slowsandbox", out var rest))
                {
                    await Task.Delay(SlowProviderDelay, context.RequestAborted);
                    context.Request.Path = new PathString("/sandbox").Add(rest);
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Holds the store the host resolved, once it has.</summary>
public sealed class StoreHolder
{
    internal SwitchableStore? Current { get; set; }

    public bool Broken
    {
        get => Current?.Broken ?? false;
        set => (Current ?? throw new InvalidOperationException("The store has not been created yet.")).Broken = value;
    }
}
