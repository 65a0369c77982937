using System.Globalization;
using System.Security.Cryptography;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Plugins.WeChatPayV3.Tests;

/// <summary>Builds an instance through the plugin's public API, as the host would, against a fake WeChat Pay.</summary>
internal sealed class PluginHarness
{
    public const string AppId = "wxd930ea5d5a258f4f";
    public const string MchId = "1900000109";
    public const string Serial = "3775B6A45ACD588826D15E583A95F5DD7C0B3A6B";
    public const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";
    public const string ApiV3Key = "AES256Key-32Characters1234567890";
    public static readonly RSA MerchantKey = RSA.Create(2048);
    public static readonly RSA PlatformKey = RSA.Create(2048);
    public static readonly Uri NotifyUrl = new("https://gw.example.com/notify/wx3-main");

    public PluginHarness()
    {
        Server = new FakeV3Server(PlatformKey, PublicKeyId, Time);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddHttpClient("wx3-main").ConfigurePrimaryHttpMessageHandler(() => Server);
        Instance = new WeChatPayV3Plugin().CreateInstance(new ProviderInstanceContext
        {
            InstanceName = "wx3-main",
            Settings = Config(ValidSettings()),
            Services = services.BuildServiceProvider(),
            NotifyUrl = NotifyUrl,
            RefundNotifyUrl = new Uri(NotifyUrl + "/refund"),
            PluginBaseUrl = new Uri("https://gw.example.com/p/wx3-main/"),
            HttpClientName = "wx3-main",
        });
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-29T10:00:00Z", CultureInfo.InvariantCulture));

    public FakeV3Server Server { get; }

    public IProviderInstance Instance { get; }

    public static Dictionary<string, string?> ValidSettings() => new()
    {
        ["AppId"] = AppId,
        ["MchId"] = MchId,
        ["MerchantSerialNo"] = Serial,
        ["MerchantPrivateKey"] = MerchantKey.ExportPkcs8PrivateKeyPem(),
        ["ApiV3Key"] = ApiV3Key,
        ["PublicKeyId"] = PublicKeyId,
        ["PublicKey"] = PlatformKey.ExportSubjectPublicKeyInfoPem(),
        ["BaseUrl"] = "https://api.wx.test",
    };

    public static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    public CreatePaymentRequest Payment(string channel = "wechat.native", string? openId = null) => new()
    {
        PaymentId = "pay_01HV3TESTPAYMENT0000000001",
        Channel = channel,
        MerchantOrderId = "order-1",
        Amount = 1200,
        Currency = "CNY",
        Description = "Green tea",
        ClientIp = "203.0.113.7",
        PayerOpenId = openId,
        CreatedAt = Time.GetUtcNow(),
        ExpiresAt = Time.GetUtcNow().AddHours(2),
    };
}
