using System.Net;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Plugins.PaysApi.Tests;

/// <summary>Builds an instance through the plugin's public API, as the host would, against a fake PaysAPI.</summary>
internal sealed class PluginHarness
{
    public const string Uid = "5f1a2b3c4d5e6f7a8b9c0d1e";
    public const string Token = "tok-0123456789abcdef-secret";
    public const string Instance = "paysapi-main";
    public static readonly Uri NotifyUrl = new("https://gw.example.com/notify/paysapi-main");
    public static readonly Uri PluginBaseUrl = new("https://gw.example.com/p/paysapi-main/");

    public PluginHarness(string startMode = "FormPost", long toleranceFen = 0, string baseUrl = "https://pay.example.test/")
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPaymentDirectory>(new NoPayments());
        services.AddHttpClient(Instance).ConfigurePrimaryHttpMessageHandler(() => Server);
        var plugin = new PaysApiPlugin();
        ProviderInstance = plugin.CreateInstance(new ProviderInstanceContext
        {
            InstanceName = Instance,
            Settings = Settings(new()
            {
                ["Uid"] = Uid, ["Token"] = Token, ["StartMode"] = startMode, ["BaseUrl"] = baseUrl,
                ["ToleranceFen"] = toleranceFen.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
            Services = services.BuildServiceProvider(),
            NotifyUrl = NotifyUrl,
            RefundNotifyUrl = new Uri(NotifyUrl + "/refund"),
            PluginBaseUrl = PluginBaseUrl,
            HttpClientName = Instance,
        });
    }

    public FakePaysApi Server { get; } = new();

    public IProviderInstance ProviderInstance { get; }

    public static IConfiguration Settings(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    public static CreatePaymentRequest Request(string channel = "paysapi.alipay", long amount = 1, string description = "Tea", string merchantOrderId = "order-1") => new()
    {
        PaymentId = "pay_01JTESTPAYMENT0000000000000",
        Channel = channel,
        MerchantOrderId = merchantOrderId,
        Amount = amount,
        Currency = "CNY",
        Description = description,
        ClientIp = "203.0.113.10",
        CreatedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddHours(2),
    };

    private sealed class NoPayments : IPaymentDirectory
    {
        public ValueTask<PaymentView?> FindAsync(string instanceName, string paymentId, CancellationToken cancellationToken) => ValueTask.FromResult<PaymentView?>(null);
    }
}

/// <summary>A scripted PaysAPI: records the request and answers with the configured status and body.</summary>
internal sealed class FakePaysApi : HttpMessageHandler
{
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public string Body { get; set; } = "{}";

    public string ContentType { get; set; } = "application/json; charset=utf-8";

    public Uri? LastUri { get; private set; }

    public Dictionary<string, string> LastForm { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastUri = request.RequestUri;
        var form = await request.Content!.ReadAsStringAsync(cancellationToken);
        LastForm.Clear();
        foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(form))
        {
            LastForm[key] = value.ToString();
        }

        var content = new StringContent(Body, System.Text.Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return new HttpResponseMessage(Status) { Content = content };
    }
}
