using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Tests;

/// <summary>The plugin in-process, the way the host drives it: settings, an instance, an order, a notify.</summary>
public sealed class AcmePluginTests
{
    private const string Secret = "acme-test-secret-0123456789";

    [Fact]
    public void Descriptor_NamesThePluginAfterItsAssembly()
    {
        var plugin = new AcmePlugin();
        Assert.Equal(typeof(AcmePlugin).Assembly.GetName().Name, plugin.Descriptor.Name);
        Assert.Equal(ContractVersion.Text, plugin.Descriptor.ContractVersion);
        Assert.Contains(AcmePlugin.Channel, plugin.Descriptor.Channels);
    }

    [Fact]
    public void ValidateSettings_NamesEveryBadKey_NeverItsValue()
    {
        var errors = new List<string>();
        new AcmePlugin().ValidateSettings(Settings(("Secret", "short-secret")), errors);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("MerchantId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Secret", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("short-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_AnswersAQrCode()
    {
        var result = await Instance().CreateAsync(Order("pay_1", 120), default);

        Assert.True(result.Succeeded);
        Assert.Equal(PaymentActionTypes.QrCode, result.Value!.Action.Type);
    }

    [Fact]
    public async Task Notify_SignedIsAccepted_TamperedIsRejected()
    {
        var instance = Instance();
        var body = Encoding.UTF8.GetBytes("""{"paymentId":"pay_1","transactionId":"t1","status":"paid","amount":120,"currency":"CNY","merchantId":"m-1"}""");
        var signature = AcmeSignature.Sign(Encoding.UTF8.GetBytes(Secret), body);

        var good = await instance.ParseNotifyAsync(Notify(body, signature), default);
        var payment = Assert.IsType<NotifyParseResult.Payment>(good);
        Assert.Equal(120, payment.Notification.Amount);

        body[^3] = (byte)'X';
        Assert.IsType<NotifyParseResult.Rejected>(await instance.ParseNotifyAsync(Notify(body, signature), default));
        Assert.IsType<NotifyParseResult.Rejected>(await instance.ParseNotifyAsync(Notify("{"u8.ToArray(), null), default));
    }

    private static IProviderInstance Instance() => new AcmePlugin().CreateInstance(new ProviderInstanceContext
    {
        InstanceName = "acme-test",
        Settings = Settings(("MerchantId", "m-1"), ("Secret", Secret)),
        Services = new ServiceCollection().AddLogging().BuildServiceProvider(),
        NotifyUrl = new Uri("https://pay.example/notify/acme-test"),
        RefundNotifyUrl = new Uri("https://pay.example/notify/acme-test/refund"),
        PluginBaseUrl = new Uri("https://pay.example/p/acme-test/"),
        HttpClientName = "acme-test",
    });

    private static IConfiguration Settings(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static CreatePaymentRequest Order(string id, long amount) => new()
    {
        PaymentId = id, Channel = AcmePlugin.Channel, MerchantOrderId = "order-" + id, Amount = amount, Currency = "CNY",
        Description = "Tea", ClientIp = "203.0.113.1", CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(2),
    };

    private static NotifyRequest Notify(byte[] body, string? signature) => new(
        NotifyKind.Payment, body, "application/json",
        signature is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [AcmeSignature.Header] = signature });
}
