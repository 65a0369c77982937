using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.WeChat.Common.Tokens;
using Gateway.Plugins.WeChat.Testing;
using Gateway.Plugins.WeChatJsapi.JsSdk;
using Gateway.Plugins.WeChatJsapi.OAuth;
using Gateway.WeChatPay.OpenApi;
using Gateway.WeChatPay.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Plugins.WeChatJsapi.Tests;

/// <summary>An instance built through the plugin's public API, plus its parts, against fake WeChat servers.</summary>
internal sealed class JsapiHarness
{
    public const string ApiKey = "0123456789abcdef0123456789abcdef";
    public const string AppId = "wxd930ea5d5a258f4f";
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 4, 0, 0, TimeSpan.Zero);

    public JsapiHarness(string signType = "MD5")
    {
        Pay = new FakeWeChatServer(ApiKey);
        Open = new FakeOpenApi(Pay);
        Time = new ManualTime(Now);
        Cache = new TestCache(Time);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppId"] = AppId, ["MchId"] = "10000100", ["ApiKey"] = ApiKey, ["SignType"] = signType, ["BaseUrl"] = "https://wx.test",
            ["AppSecret"] = "app-secret-for-tests", ["ApiBaseUrl"] = "https://api.test", ["HandOffSecret"] = "handoff-secret-for-tests-0123456789",
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IGatewayCache>(Cache);
        services.AddHttpClient("wx-jsapi").ConfigurePrimaryHttpMessageHandler(() => Open);
        Instance = new WeChatJsapiPlugin().CreateInstance(new ProviderInstanceContext
        {
            InstanceName = "wx-jsapi",
            Settings = settings,
            Services = services.BuildServiceProvider(),
            NotifyUrl = new Uri("https://gw.example.com/notify/wx-jsapi"),
            RefundNotifyUrl = new Uri("https://gw.example.com/notify/wx-jsapi/refund"),
            PluginBaseUrl = new Uri("https://gw.example.com/p/wx-jsapi/"),
            HttpClientName = "wx-jsapi",
        });

        App = WeChatAppSettings.Bind(settings, new List<string>());
        Api = new WeChatOpenApiClient(new HttpClient(Open), App.ApiBaseUrl);
        TokenCache = new SharedTokenCache(Cache, NullLogger.Instance);
        Tokens = new BaseAccessTokenSource(Api, App, TokenCache);
        Tickets = new JsapiTicketSource(Api, App, Tokens, TokenCache);
        JsSdk = new JsSdkConfigEndpoint(App, Tickets, Time, NullLogger.Instance, "wx-jsapi");
        WebAuth = new WebAuthorizations(Cache, Api, App, Time, "wx-jsapi");
    }

    public FakeWeChatServer Pay { get; }
    public FakeOpenApi Open { get; }
    public ManualTime Time { get; }
    public TestCache Cache { get; }
    public IProviderInstance Instance { get; }
    public WeChatAppSettings App { get; }
    public WeChatOpenApiClient Api { get; }
    public SharedTokenCache TokenCache { get; }
    public BaseAccessTokenSource Tokens { get; }
    public JsapiTicketSource Tickets { get; }
    public JsSdkConfigEndpoint JsSdk { get; }
    public WebAuthorizations WebAuth { get; }
}
