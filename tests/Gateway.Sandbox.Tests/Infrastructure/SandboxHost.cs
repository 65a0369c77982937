using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Sandbox.Tests.Infrastructure;

/// <summary>
/// A real Kestrel app on a free loopback port with the sandbox at /sandbox and a notify receiver at
/// /receiver/{name}, with the retry schedule squeezed to 50 ms steps.
/// </summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    public const string MchId = "1900000109";
    public const string ApiKey = "sandboxKey0123456789abcdefABCDEF";
    public const string AppId = "wxd930ea5d5a258f4f";
    public const string OtherMchId = "1900000110";
    public const string OtherApiKey = "otherKey000000000000000000000000";
    public const string OtherAppId = "wx0000000000000other";
    public const string SecondAppId = "wx00000000000second";
    public const string AppSecret = "appSecret0123456789abcdefABCDEF0";
    public const string OAuthDomain = "shop.example.test";

    private SandboxHost(WebApplication app, Uri baseUri, NotifyReceiver receiver, ShiftableTimeProvider time)
    {
        App = app;
        BaseUri = baseUri;
        Receiver = receiver;
        Time = time;
        Http = new HttpClient { BaseAddress = baseUri };
    }

    public WebApplication App { get; }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public NotifyReceiver Receiver { get; }

    public ShiftableTimeProvider Time { get; }

    public static async Task<SandboxHost> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sandbox:WeChatPay:Merchants:0:MchId"] = MchId,
            ["Sandbox:WeChatPay:Merchants:0:ApiKey"] = ApiKey,
            ["Sandbox:WeChatPay:Merchants:0:AppIds:0"] = AppId,
            ["Sandbox:WeChatPay:Merchants:0:AppIds:1"] = SecondAppId,
            ["Sandbox:WeChatPay:Merchants:1:MchId"] = OtherMchId,
            ["Sandbox:WeChatPay:Merchants:1:ApiKey"] = OtherApiKey,
            ["Sandbox:WeChatPay:Merchants:1:AppIds:0"] = OtherAppId,
            ["Sandbox:WeChatPay:NotifyRetrySchedule:0"] = "00:00:00.05",
            ["Sandbox:WeChatPay:NotifyRetrySchedule:1"] = "00:00:00.05",
            ["Sandbox:WeChatPay:NotifyRetrySchedule:2"] = "00:00:00.05",
            ["Sandbox:WeChatPay:NotifyTimeout"] = "00:00:01",
            ["Sandbox:WeChat:Apps:0:AppId"] = AppId,
            ["Sandbox:WeChat:Apps:0:AppSecret"] = AppSecret,
            ["Sandbox:WeChat:Apps:0:OAuthDomain"] = OAuthDomain,
            ["Sandbox:WeChat:Apps:1:AppId"] = OtherAppId,
            ["Sandbox:WeChat:Apps:1:AppSecret"] = AppSecret,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var time = new ShiftableTimeProvider();
        var receiver = new NotifyReceiver();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(receiver);
        builder.Services.AddGatewaySandbox(builder.Configuration.GetSection("Sandbox"));

        var app = builder.Build();
        app.MapGatewaySandbox();
        app.MapPost("/receiver/{name}", async (string name, HttpContext context, NotifyReceiver notifies) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var reply = await notifies.ReceiveAsync(name, body, context.Request.ContentType, context.RequestAborted);
            return Results.Content(reply, "text/xml");
        });

        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SandboxHost(app, new Uri(app.Urls.First()), receiver, time);
    }

    public string ReceiverUrl(string name) => new Uri(BaseUri, $"/receiver/{name}").ToString();

    /// <summary>Signs <paramref name="fields"/> independently, posts them as XML and parses the reply.</summary>
    public async Task<Dictionary<string, string>> CallAsync(
        string api, Dictionary<string, string> fields, string key = ApiKey, string signType = IndependentSigner.Md5)
    {
        fields["sign"] = IndependentSigner.Sign(fields, key, signType);
        return await PostXmlAsync(api, XmlMessage.Write(fields));
    }

    public async Task<Dictionary<string, string>> PostXmlAsync(string api, string xml)
    {
        using var content = new StringContent(xml, Encoding.UTF8, "text/xml");
        using var response = await Http.PostAsync($"/sandbox/wechatpay/pay/{api}", content);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return XmlMessage.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A valid NATIVE unifiedorder request; tweak it before calling.</summary>
    public Dictionary<string, string> NativeOrder(string outTradeNo, string receiver = "merchant") => new()
    {
        ["appid"] = AppId,
        ["mch_id"] = MchId,
        ["nonce_str"] = Guid.NewGuid().ToString("N"),
        ["body"] = "Sandbox test 商品",
        ["attach"] = "order-attach",
        ["out_trade_no"] = outTradeNo,
        ["total_fee"] = "1234",
        ["spbill_create_ip"] = "127.0.0.1",
        ["notify_url"] = ReceiverUrl(receiver),
        ["trade_type"] = "NATIVE",
        ["product_id"] = "sku-1",
    };

    public Dictionary<string, string> Query(string outTradeNo) => new()
    {
        ["appid"] = AppId,
        ["mch_id"] = MchId,
        ["nonce_str"] = Guid.NewGuid().ToString("N"),
        ["out_trade_no"] = outTradeNo,
    };

    /// <summary>Places a NATIVE order and returns its code_url.</summary>
    public async Task<string> PlaceNativeOrderAsync(string outTradeNo, string receiver = "merchant", string signType = IndependentSigner.Md5)
    {
        var fields = NativeOrder(outTradeNo, receiver);
        if (signType != IndependentSigner.Md5)
        {
            fields["sign_type"] = signType;
        }

        var reply = await CallAsync("unifiedorder", fields, signType: signType);
        Assert.Equal("SUCCESS", reply["result_code"]);
        return reply["code_url"];
    }

    /// <summary>An openid the sandbox issued under <paramref name="appId"/> (through a wx.login code, as code2Session would).</summary>
    public async Task<string> IssueOpenIdAsync(string appId = AppId, string? user = null)
    {
        using var response = await Http.PostAsJsonAsync("/sandbox/wechat/miniprogram/code", new { appId, openId = user });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("openId").GetString()!;
    }

    /// <summary>A valid JSAPI unifiedorder request for <paramref name="openId"/>.</summary>
    public Dictionary<string, string> JsapiOrder(string outTradeNo, string openId)
    {
        var fields = NativeOrder(outTradeNo);
        fields["trade_type"] = "JSAPI";
        fields["openid"] = openId;
        fields.Remove("product_id");
        return fields;
    }

    public Task<HttpResponseMessage> ScanAsync(string codeUrl) =>
        Http.PostAsJsonAsync("/sandbox/wechatpay/scan", new { codeUrl });

    public async Task<System.Text.Json.JsonElement> GetOrderAsync(string outTradeNo)
    {
        using var response = await Http.GetAsync($"/sandbox/wechatpay/orders/{outTradeNo}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    /// <summary>The HTTP status and body of the sandbox's order view (404 "not found" when it has no such order).</summary>
    public async Task<string> GetOrderStatusAsync(string outTradeNo)
    {
        using var response = await Http.GetAsync($"/sandbox/wechatpay/orders/{outTradeNo}");
        return $"{(int)response.StatusCode} {(response.StatusCode == System.Net.HttpStatusCode.NotFound ? "not found" : "found")}";
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
