using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Gateway.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// Boots the real gateway on Kestrel (loopback, a free port) in test mode, with the published plugin
/// folders, a fresh SQLite file, a fast sandbox notify schedule, and two WeChatNative merchant accounts
/// (MD5 and HMAC-SHA256) routed to two clients, whose keys the tests know so they can sign notifies; and
/// two PaysAPI accounts (form post <c>pa-form</c>, JSON <c>pa-json</c>, tolerance 3 fen): client-a gets
/// paysapi.alipay → pa-form and paysapi.wechat → pa-json, client-b the other way round, so every
/// istype meets every start mode.
/// </summary>
public class GatewayFactory : WebApplicationFactory<Program>
{
    public const string ClientAKey = "sk_test_client_a";
    public const string ClientBKey = "sk_test_client_b";
    public const string MerchantAKey = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    public const string MerchantBKey = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    public const string AppA = "wxaaaaaaaaaaaaaaaa";
    public const string AppB = "wxbbbbbbbbbbbbbbbb";
    public const string MchA = "1900000001";
    public const string MchB = "1900000002";
    public const string WebhookSecretA = "whsec_test_client_a_current";
    public const string WebhookSecretA2 = "whsec_test_client_a_next_one";
    public const string WebhookSecretB = "whsec_test_client_b_current";

    // PaysAPI accounts with tokens the tests know, so they can sign notifies and check nothing leaks them.
    public const string PaysApiFormUid = "func0form0uid00000000001";
    public const string PaysApiJsonUid = "func0json0uid00000000002";
    public const string PaysApiFormToken = "tok-form-3f9c2e7a51d84b06";
    public const string PaysApiJsonToken = "tok-json-8b1d4f6c03e97a25";
    public const long PaysApiToleranceFen = 3;
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;
    private readonly Action<IServiceCollection>? _testServices;

    public GatewayFactory()
        : this(null, null)
    {
    }

    /// <param name="extraSettings">Settings added over <see cref="Settings"/>, given the server's port.</param>
    /// <param name="testServices">Service replacements applied after the host's own (fault injection, clocks, exporters).</param>
    protected GatewayFactory(Func<int, IReadOnlyDictionary<string, string?>>? extraSettings, Action<IServiceCollection>? testServices = null)
    {
        _testServices = testServices;
        Port = Gateway.TestMode.LoopbackPort.Free();
        _extraSettings = extraSettings?.Invoke(Port) ?? new Dictionary<string, string?>();
        DatabasePath = Path.Combine(Path.GetTempPath(), $"gateway-func-{Guid.NewGuid():N}.db");
        UseKestrel(Port);
        StartServer();
    }

    /// <summary>A gateway with extra settings and test services, for a test that needs its own.</summary>
    public static GatewayFactory With(IReadOnlyDictionary<string, string?>? extraSettings, Action<IServiceCollection>? testServices = null)
        => new(_ => extraSettings ?? new Dictionary<string, string?>(), testServices);

    public int Port { get; }

    public string DatabasePath { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Every log record the host wrote, at every level, with its scopes.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Extra settings a derived test can add before the server starts.</summary>
    public static Dictionary<string, string?> Settings(int port, string databasePath) => new()
    {
        // Test mode is opt-in, and outside Development (these hosts run as "Testing") it needs the second switch.
        ["Gateway:TestMode"] = "true",
        ["Gateway:AllowTestModeOutsideDevelopment"] = "true",

        // Every test calls plugin routes from 127.0.0.1 (and the sandbox calls back from there): lift the
        // per-IP and per-instance plugin limits; PluginRateLimitTests sets its own.
        ["Gateway:RateLimits:PluginsPerIp:PermitsPerSecond"] = "100000",
        ["Gateway:RateLimits:PluginsPerIp:Burst"] = "100000",
        ["Gateway:RateLimits:PluginsPerInstance:PermitsPerSecond"] = "100000",
        ["Gateway:RateLimits:PluginsPerInstance:Burst"] = "100000",
        ["Gateway:RateLimits:NotifyUnverifiedPerIp:PermitsPerSecond"] = "100000",
        ["Gateway:RateLimits:NotifyUnverifiedPerIp:Burst"] = "100000",
        ["Gateway:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
        ["Gateway:Store:ConnectionString"] = $"Data Source={databasePath}",

        ["Gateway:Clients:client-a:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(ClientAKey),
        ["Gateway:Clients:client-b:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(ClientBKey),
        ["Gateway:Routes:native-a:Channel"] = "wechat.native",
        ["Gateway:Routes:native-a:Clients:0"] = "client-a",
        ["Gateway:Routes:native-a:Instances:0"] = "wx-a",
        ["Gateway:Routes:native-a:Order"] = "-1",
        ["Gateway:Routes:native-b:Channel"] = "wechat.native",
        ["Gateway:Routes:native-b:Clients:0"] = "client-b",
        ["Gateway:Routes:native-b:Instances:0"] = "wx-b",
        ["Gateway:Routes:native-b:Order"] = "-1",
        ["Gateway:Providers:wx-a:Plugin"] = "WeChatNative",
        ["Gateway:Providers:wx-a:Settings:AppId"] = AppA,
        ["Gateway:Providers:wx-a:Settings:MchId"] = MchA,
        ["Gateway:Providers:wx-a:Settings:ApiKey"] = MerchantAKey,
        ["Gateway:Providers:wx-a:Settings:SignType"] = "MD5",
        ["Gateway:Providers:wx-a:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/sandbox/wechatpay",
        ["Gateway:Providers:wx-b:Plugin"] = "WeChatNative",
        ["Gateway:Providers:wx-b:Settings:AppId"] = AppB,
        ["Gateway:Providers:wx-b:Settings:MchId"] = MchB,
        ["Gateway:Providers:wx-b:Settings:ApiKey"] = MerchantBKey,
        ["Gateway:Providers:wx-b:Settings:SignType"] = "HMAC-SHA256",
        ["Gateway:Providers:wx-b:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/sandbox/wechatpay",

        ["Sandbox:WeChatPay:Merchants:1:MchId"] = MchA,
        ["Sandbox:WeChatPay:Merchants:1:ApiKey"] = MerchantAKey,
        ["Sandbox:WeChatPay:Merchants:1:AppIds:0"] = AppA,
        ["Sandbox:WeChatPay:Merchants:2:MchId"] = MchB,
        ["Sandbox:WeChatPay:Merchants:2:ApiKey"] = MerchantBKey,
        ["Sandbox:WeChatPay:Merchants:2:AppIds:0"] = AppB,
        ["Gateway:Routes:paysapi-a-alipay:Channel"] = "paysapi.alipay",
        ["Gateway:Routes:paysapi-a-alipay:Clients:0"] = "client-a",
        ["Gateway:Routes:paysapi-a-alipay:Instances:0"] = "pa-form",
        ["Gateway:Routes:paysapi-a-alipay:Order"] = "-1",
        ["Gateway:Routes:paysapi-a-wechat:Channel"] = "paysapi.wechat",
        ["Gateway:Routes:paysapi-a-wechat:Clients:0"] = "client-a",
        ["Gateway:Routes:paysapi-a-wechat:Instances:0"] = "pa-json",
        ["Gateway:Routes:paysapi-a-wechat:Order"] = "-1",
        ["Gateway:Routes:paysapi-b-alipay:Channel"] = "paysapi.alipay",
        ["Gateway:Routes:paysapi-b-alipay:Clients:0"] = "client-b",
        ["Gateway:Routes:paysapi-b-alipay:Instances:0"] = "pa-json",
        ["Gateway:Routes:paysapi-b-alipay:Order"] = "-1",
        ["Gateway:Routes:paysapi-b-wechat:Channel"] = "paysapi.wechat",
        ["Gateway:Routes:paysapi-b-wechat:Clients:0"] = "client-b",
        ["Gateway:Routes:paysapi-b-wechat:Instances:0"] = "pa-form",
        ["Gateway:Routes:paysapi-b-wechat:Order"] = "-1",
        ["Gateway:Providers:pa-form:Plugin"] = "PaysApi",
        ["Gateway:Providers:pa-form:Settings:Uid"] = PaysApiFormUid,
        ["Gateway:Providers:pa-form:Settings:Token"] = PaysApiFormToken,
        ["Gateway:Providers:pa-form:Settings:StartMode"] = "FormPost",
        ["Gateway:Providers:pa-form:Settings:ToleranceFen"] = "3",
        ["Gateway:Providers:pa-form:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/sandbox/paysapi/",
        ["Gateway:Providers:pa-json:Plugin"] = "PaysApi",
        ["Gateway:Providers:pa-json:Settings:Uid"] = PaysApiJsonUid,
        ["Gateway:Providers:pa-json:Settings:Token"] = PaysApiJsonToken,
        ["Gateway:Providers:pa-json:Settings:StartMode"] = "Json",
        ["Gateway:Providers:pa-json:Settings:ToleranceFen"] = "3",
        ["Gateway:Providers:pa-json:Settings:BaseUrl"] = $"http://127.0.0.1:{port}/sandbox/paysapi/",

        // Indexes 0 and 1 belong to the test-mode profile's own accounts.
        ["Sandbox:PaysApi:Merchants:2:Uid"] = PaysApiFormUid,
        ["Sandbox:PaysApi:Merchants:2:Token"] = PaysApiFormToken,
        ["Sandbox:PaysApi:Merchants:3:Uid"] = PaysApiJsonUid,
        ["Sandbox:PaysApi:Merchants:3:Token"] = PaysApiJsonToken,
        ["Sandbox:PaysApi:NotifyRetrySchedule:0"] = "00:00:00.200",
        ["Sandbox:PaysApi:NotifyRetrySchedule:1"] = "00:00:00.400",

        ["Sandbox:WeChatPay:NotifyRetrySchedule:0"] = "00:00:00.200",
        ["Sandbox:WeChatPay:NotifyRetrySchedule:1"] = "00:00:00.400",
        ["Sandbox:WeChatPay:NotifyRetrySchedule:2"] = "00:00:00.800",
        ["Gateway:Clients:client-a:WebhookSecrets:0"] = WebhookSecretA,
        ["Gateway:Clients:client-a:WebhookSecrets:1"] = WebhookSecretA2,
        ["Gateway:Clients:client-b:WebhookSecrets:0"] = WebhookSecretB,
        ["Gateway:Webhooks:PollInterval"] = "00:00:00.100",
        ["Gateway:Webhooks:RetrySchedule:0"] = "00:00:00.300",
        ["Gateway:Webhooks:RetrySchedule:1"] = "00:00:00.300",
        ["Gateway:Webhooks:RetrySchedule:2"] = "00:00:00.500",
        ["Gateway:Webhooks:RetrySchedule:3"] = "00:00:01",
        ["Gateway:Webhooks:RetrySchedule:4"] = "00:00:01",
        ["Gateway:Webhooks:RetrySchedule:5"] = "00:00:01",
        ["Gateway:Sync:PollInterval"] = "00:00:00.100",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings(Port, DatabasePath).Concat(_extraSettings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Trace));
        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }

    /// <summary>A client for the gateway's API, authenticated as <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient ApiClient(string? apiKey = ClientAKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(DatabasePath + suffix);
            }
            catch (IOException)
            {
            }
        }
    }

}
