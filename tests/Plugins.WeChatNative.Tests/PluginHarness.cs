using Gateway.Abstractions.Plugins;
using Gateway.WeChatPay.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatNative.Tests;

/// <summary>Builds an instance through the plugin's public API, as the host would, against a fake WeChat.</summary>
internal sealed class PluginHarness
{
    public const string ApiKey = "0123456789abcdef0123456789abcdef";
    public const string AppId = "wx2421b1c4370ec43b";
    public const string MchId = "10000100";
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 4, 0, 0, TimeSpan.Zero);
    public static readonly Uri NotifyUrl = new("https://gw.example.com/notify/wx-main");

    public PluginHarness(string signType = "MD5")
    {
        Server = new FakeWeChatServer(ApiKey);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        services.AddHttpClient("wx-main").ConfigurePrimaryHttpMessageHandler(() => Server);
        Instance = new WeChatNativePlugin().CreateInstance(new ProviderInstanceContext
        {
            InstanceName = "wx-main",
            Settings = Settings(new() { ["AppId"] = AppId, ["MchId"] = MchId, ["ApiKey"] = ApiKey, ["SignType"] = signType, ["BaseUrl"] = "https://wx.test" }),
            Services = services.BuildServiceProvider(),
            NotifyUrl = NotifyUrl,
            RefundNotifyUrl = new Uri(NotifyUrl + "/refund"),
            PluginBaseUrl = new Uri("https://gw.example.com/p/wx-main/"),
            HttpClientName = "wx-main",
        });
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public FakeWeChatServer Server { get; }

    public IProviderInstance Instance { get; }

    public static IConfiguration Settings(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
