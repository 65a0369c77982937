using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Gateway.Plugins.MiniProgram.Login;
using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.WeChat.Testing;
using Gateway.WeChatPay.Jsapi;
using Gateway.WeChatPay.OpenApi;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Testing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Plugins.MiniProgram.Tests;

public sealed class MiniProgramTests
{
    private const string ApiKey = "0123456789abcdef0123456789abcdef";
    private const string AppId = "wxd678efh567hg6787";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 4, 0, 0, TimeSpan.Zero);

    private readonly FakeWeChatServer _pay = new(ApiKey);
    private readonly FakeOpenApi _open;
    private readonly TestCache _cache = new(new ManualTime(Now));
    private readonly IConfiguration _settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AppId"] = AppId, ["MchId"] = "10000100", ["ApiKey"] = ApiKey, ["SignType"] = "MD5", ["BaseUrl"] = "https://wx.test",
        ["AppSecret"] = "mini-secret-for-tests", ["ApiBaseUrl"] = "https://api.test",
    }).Build();

    public MiniProgramTests()
    {
        _open = new FakeOpenApi(_pay);
    }

    [Fact]
    public void PaySign_MatchesOfficialMiniProgramExample()
    {
        var parameters = JsapiPayParameters.Build(
            AppId, "wx2017033010242291fcfe0db70013231072", "qazwsxedcrfvtgbyhnujmikolp111111", WeChatSignType.Md5,
            "1490840662", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");
        Assert.Equal("22D9B4E54AB1950F51E0649E8810ACD6", parameters[JsapiPayParameters.PaySign]);
    }

    [Fact]
    public async Task Create_AnswersRequestPaymentParams_WithoutAppId_ButSignedWithIt()
    {
        var instance = CreateInstance();
        _pay.Reply = (_, _) => new() { ["result_code"] = "SUCCESS", ["trade_type"] = "JSAPI", ["prepay_id"] = "wx2017033010242291fcfe0db70013231072" };

        var result = await instance.CreateAsync(Request("o-mini-1"), default);

        Assert.Equal("JSAPI", _pay.Requests[0].Fields["trade_type"]);
        Assert.Equal(AppId, _pay.Requests[0].Fields["appid"]);
        var action = result.Value!.Action;
        Assert.Equal(PaymentActionTypes.MiniProgram, action.Type);
        var p = action.Parameters!;
        Assert.Equal(["nonceStr", "package", "paySign", "signType", "timeStamp"], p.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(IndependentPaySign.Compute(AppId, p["nonceStr"], p["package"], p["signType"], p["timeStamp"], ApiKey), p["paySign"]);
    }

    [Fact]
    public async Task MissingOpenId_IsInvalidRequest_FromValidate()
    {
        var instance = CreateInstance();
        Assert.Equal(ProviderErrorKind.InvalidRequest, instance.Validate(Request(null))!.Kind);
        Assert.Equal("MISSING_OPENID", (await instance.CreateAsync(Request(null), default)).Error!.Code);
        Assert.Empty(_pay.Requests);
    }

    [Fact]
    public async Task Login_AnswersOpenIdAndOwnToken_AndKeepsSessionKeyServerSide()
    {
        var (login, sessions) = Login();
        var result = Assert.IsType<JsonHttpResult<LoginResult>>(await login.LoginAsync("code-1", default)).Value!;

        Assert.Equal("o-mini-code-1", result.OpenId);
        Assert.DoesNotContain("SK", result.SessionToken, StringComparison.Ordinal);
        Assert.True(result.SessionToken.Length >= 43);
        var call = Assert.Single(_open.Requests);
        Assert.Equal("/sns/jscode2session", call.Path);
        Assert.Equal("code-1", call.Query["js_code"]);
        Assert.Equal("authorization_code", call.Query["grant_type"]);
        var session = await sessions.FindAsync(result.SessionToken, default);
        Assert.Equal("o-mini-code-1", session!.OpenId);
        Assert.StartsWith("SK", session.SessionKey);
    }

    [Theory]
    [InlineData(40029, 400, "invalid_code")]
    [InlineData(40163, 400, "code_used")]
    [InlineData(45011, 429, "rate_limited")]
    [InlineData(-1, 503, "wechat_busy")]
    [InlineData(40226, 403, "user_blocked")]
    [InlineData(40125, 502, "wechat_error")]
    public async Task Login_WeChatErrors_AreProblemsWithCodeAndErrcode(int errCode, int status, string code)
    {
        _open.Override = (_, _) => new { errcode = errCode, errmsg = "from wechat" };
        var (login, _) = Login();
        var problem = Assert.IsType<ProblemHttpResult>(await login.LoginAsync("code-1", default));
        Assert.Equal(status, problem.StatusCode);
        Assert.Equal(code, problem.ProblemDetails.Extensions["code"]);
        Assert.Equal(errCode, problem.ProblemDetails.Extensions["errcode"]);
    }

    [Fact]
    public async Task Login_WithoutCode_Is400_WithoutCallingWeChat()
    {
        var (login, _) = Login();
        Assert.Equal(400, Assert.IsType<ProblemHttpResult>(await login.LoginAsync(" ", default)).StatusCode);
        Assert.Empty(_open.Requests);
    }

    private (LoginEndpoint Login, MiniProgramSessions Sessions) Login()
    {
        var app = WeChatAppSettings.Bind(_settings, new List<string>());
        var sessions = new MiniProgramSessions(_cache, "wx-mini", TimeSpan.FromDays(1));
        return (new LoginEndpoint(app, new WeChatOpenApiClient(new HttpClient(_open), app.ApiBaseUrl), sessions, NullLogger.Instance, "wx-mini"), sessions);
    }

    private IProviderInstance CreateInstance()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new ManualTime(Now));
        services.AddSingleton<IGatewayCache>(_cache);
        services.AddHttpClient("wx-mini").ConfigurePrimaryHttpMessageHandler(() => _open);
        return new MiniProgramPlugin().CreateInstance(new ProviderInstanceContext
        {
            InstanceName = "wx-mini",
            Settings = _settings,
            Services = services.BuildServiceProvider(),
            NotifyUrl = new Uri("https://gw.example.com/notify/wx-mini"),
            RefundNotifyUrl = new Uri("https://gw.example.com/notify/wx-mini/refund"),
            PluginBaseUrl = new Uri("https://gw.example.com/p/wx-mini/"),
            HttpClientName = "wx-mini",
        });
    }

    private static CreatePaymentRequest Request(string? openId) => new()
    {
        PaymentId = "pay_mini", Channel = "wechat.miniprogram", MerchantOrderId = "o-1", Amount = 990, Currency = "CNY",
        Description = "Tea", ClientIp = "203.0.113.9", PayerOpenId = openId, CreatedAt = Now, ExpiresAt = Now.AddMinutes(30),
    };
}
