using System.Reflection;
using System.Security.Cryptography;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins.MiniProgram;
using Gateway.Plugins.PaysApi;
using Gateway.Plugins.WeChatJsapi;
using Gateway.Plugins.WeChatNative;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Fuzz;

/// <summary>
/// Provider instances built through each plugin's public contract, as the host builds them, with keys that
/// exist only here. Nothing is called over the network: the targets only parse.
/// </summary>
internal static class TestInstances
{
    public const string WeChatKey = "fuzzKey0123456789abcdefABCDEF012";
    public const string WeChatAppId = "wx2421b1c4370ec43b";
    public const string WeChatMchId = "10000100";
    public const string PaysApiUid = "5f1a2b3c4d5e6f7a8b9c0d1e";
    public const string PaysApiToken = "fuzz-token-0123456789abcdef";
    public const string V3Key = "fuzzV3Key-32Characters0123456789";
    public const string V3PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";

    /// <summary>The clock of the v3 instance: its verifier accepts timestamps within 5 minutes of this.</summary>
    public static readonly DateTimeOffset V3Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    /// <summary>WeChat Pay's side of v3: signs the notifies the v3 instance verifies (generated per run, never stored).</summary>
    public static readonly RSA V3PlatformKey = RSA.Create(2048);

    private static readonly Dictionary<string, string?> WeChatSettings = new()
    {
        ["AppId"] = WeChatAppId, ["MchId"] = WeChatMchId, ["ApiKey"] = WeChatKey, ["SignType"] = "MD5",
        ["BaseUrl"] = "https://wx.invalid", ["AppSecret"] = "fuzz-app-secret", ["ApiBaseUrl"] = "https://api.invalid",
        ["HandOffSecret"] = "fuzz-hand-off-secret-0123456789abcdef",
    };

    public static IProviderInstance WeChatNative() => Create(new WeChatNativePlugin(), WeChatSettings);

    public static IProviderInstance WeChatJsapi() => Create(new WeChatJsapiPlugin(), WeChatSettings);

    public static IProviderInstance MiniProgram() => Create(new MiniProgramPlugin(), WeChatSettings);

    public static IProviderInstance PaysApi() => Create(new PaysApiPlugin(), new()
    {
        ["Uid"] = PaysApiUid, ["Token"] = PaysApiToken, ["StartMode"] = "FormPost", ["BaseUrl"] = "https://paysapi.invalid/",
    });

    // The v3 plugin's types are internal: it is found the way the host finds a plugin, by its contract.
    public static IProviderInstance WeChatPayV3()
    {
        using var merchantKey = RSA.Create(2048);
        var type = Assembly.Load("WeChatPayV3").GetTypes().Single(t => typeof(IGatewayPlugin).IsAssignableFrom(t) && !t.IsAbstract);
        var plugin = (IGatewayPlugin)Activator.CreateInstance(type, nonPublic: true)!;
        return Create(plugin, new()
        {
            ["AppId"] = WeChatAppId, ["MchId"] = "1900000109", ["MerchantSerialNo"] = "3775B6A45ACD588826D15E583A95F5DD7C0B3A6B",
            ["MerchantPrivateKey"] = merchantKey.ExportPkcs8PrivateKeyPem(), ["ApiV3Key"] = V3Key,
            ["PublicKeyId"] = V3PublicKeyId, ["PublicKey"] = V3PlatformKey.ExportSubjectPublicKeyInfoPem(), ["BaseUrl"] = "https://api.invalid",
        }, new FixedTime(V3Now));
    }

    private static IProviderInstance Create(IGatewayPlugin plugin, Dictionary<string, string?> values, TimeProvider? time = null)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var errors = new List<string>();
        plugin.ValidateSettings(settings, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{plugin.Descriptor.Name} settings: {string.Join("; ", errors)}");
        }

        var services = new ServiceCollection();
        services.AddHttpClient("fuzz");
        services.AddSingleton<IGatewayCache, NoCache>();
        services.AddSingleton<IPaymentDirectory, NoPayments>();
        services.AddSingleton(time ?? TimeProvider.System);
        var notifyUrl = new Uri("https://gw.invalid/notify/fuzz");
        return plugin.CreateInstance(new ProviderInstanceContext
        {
            InstanceName = "fuzz",
            Settings = settings,
            Services = services.BuildServiceProvider(),
            NotifyUrl = notifyUrl,
            RefundNotifyUrl = new Uri(notifyUrl + "/refund"),
            PluginBaseUrl = new Uri("https://gw.invalid/p/fuzz/"),
            HttpClientName = "fuzz",
        });
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class NoCache : IGatewayCache
    {
        public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

        public ValueTask SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<IAsyncDisposable?> TryLockAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken)
            => ValueTask.FromResult<IAsyncDisposable?>(null);
    }

    private sealed class NoPayments : IPaymentDirectory
    {
        public ValueTask<PaymentView?> FindAsync(string instanceName, string paymentId, CancellationToken cancellationToken)
            => ValueTask.FromResult<PaymentView?>(null);
    }
}
