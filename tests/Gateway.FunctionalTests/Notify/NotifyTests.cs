using System.Net;
using System.Text;
using System.Xml.Linq;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Notify;

/// <summary>
/// Notifies built here with an independent signer: valid ones are accepted, and forged, tampered,
/// misrouted, malformed or oversized ones change nothing and answer FAIL.
/// </summary>
public class NotifyTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private static Dictionary<string, string> NotifyFields(string paymentId, long totalFee, string appId = GatewayFactory.AppA, string mchId = GatewayFactory.MchA, string txn = "4200000000202611220000000001") => new()
    {
        ["return_code"] = "SUCCESS",
        ["appid"] = appId,
        ["mch_id"] = mchId,
        ["nonce_str"] = Guid.NewGuid().ToString("N"),
        ["result_code"] = "SUCCESS",
        ["openid"] = "oTestPayer",
        ["is_subscribe"] = "N",
        ["trade_type"] = "NATIVE",
        ["bank_type"] = "OTHERS",
        ["total_fee"] = totalFee.ToString(),
        ["fee_type"] = "CNY",
        ["cash_fee"] = totalFee.ToString(),
        ["transaction_id"] = txn,
        ["out_trade_no"] = paymentId,
        ["time_end"] = "20261122203000",
        ["a_field_added_by_wechat_later"] = "still signed",
    };

    private static string Signed(Dictionary<string, string> fields, string key = GatewayFactory.MerchantAKey, bool hmac = false)
    {
        fields["sign"] = hmac ? IndependentWeChatSigner.HmacSha256(fields, key) : IndependentWeChatSigner.Md5(fields, key);
        return IndependentWeChatSigner.Xml(fields);
    }

    private async Task<(string ReturnCode, string? ReturnMsg)> PostNotifyAsync(string instance, string body)
    {
        using var http = gateway.ApiClient(apiKey: null);
        var response = await http.PostAsync($"/notify/{instance}", new StringContent(body, Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XElement.Parse(await response.Content.ReadAsStringAsync());
        return (xml.Element("return_code")!.Value, xml.Element("return_msg")?.Value);
    }

    private async Task<string> PendingPaymentAsync(string merchantOrderId, string apiKey = GatewayFactory.ClientAKey)
        => (await CreateAsync(gateway.ApiClient(apiKey), NativePayment(merchantOrderId, amount: 500))).Str("id");

    private async Task<string> StatusAsync(string id, string apiKey = GatewayFactory.ClientAKey)
        => (await GetAsync(gateway.ApiClient(apiKey), id)).Str("status");

    [Fact]
    public async Task IndependentlySignedNotify_IsAccepted_ThenReplayChangesNothing()
    {
        var id = await PendingPaymentAsync("n-valid");
        var body = Signed(NotifyFields(id, 500));

        Assert.Equal("SUCCESS", (await PostNotifyAsync("wx-a", body)).ReturnCode);
        var paid = await GetAsync(gateway.ApiClient(), id);
        Assert.Equal("succeeded", paid.Str("status"));

        Assert.Equal("SUCCESS", (await PostNotifyAsync("wx-a", body)).ReturnCode);
        var replayed = await GetAsync(gateway.ApiClient(), id);
        Assert.Equal(paid.Str("paidAt"), replayed.Str("paidAt"));
        Assert.Equal("4200000000202611220000000001", replayed.Str("providerTransactionId"));
    }

    [Fact]
    public async Task HmacSha256Notify_WithoutSignType_IsAccepted_ForHmacInstance()
    {
        var id = await PendingPaymentAsync("n-hmac", GatewayFactory.ClientBKey);
        var body = Signed(NotifyFields(id, 500, GatewayFactory.AppB, GatewayFactory.MchB), GatewayFactory.MerchantBKey, hmac: true);

        Assert.Equal("SUCCESS", (await PostNotifyAsync("wx-b", body)).ReturnCode);
        Assert.Equal("succeeded", await StatusAsync(id, GatewayFactory.ClientBKey));
    }

    [Fact]
    public async Task ForgedSignature_ChangesNothing()
    {
        var id = await PendingPaymentAsync("n-forged");

        var (code, _) = await PostNotifyAsync("wx-a", Signed(NotifyFields(id, 500), key: "00000000000000000000000000000000"));

        Assert.Equal("FAIL", code);
        Assert.Equal("pending", await StatusAsync(id));
    }

    [Fact]
    public async Task TamperedAmount_AfterSigning_ChangesNothing()
    {
        var id = await PendingPaymentAsync("n-tampered");
        var body = Signed(NotifyFields(id, 500)).Replace("<total_fee><![CDATA[500]]>", "<total_fee><![CDATA[1]]>");

        Assert.Equal("FAIL", (await PostNotifyAsync("wx-a", body)).ReturnCode);
        Assert.Equal("pending", await StatusAsync(id));
    }

    [Fact]
    public async Task WrongAmount_CorrectlySigned_ChangesNothing()
    {
        var id = await PendingPaymentAsync("n-amount");

        Assert.Equal("FAIL", (await PostNotifyAsync("wx-a", Signed(NotifyFields(id, 499)))).ReturnCode);
        Assert.Equal("pending", await StatusAsync(id));
    }

    [Fact]
    public async Task WrongMerchant_CorrectlySigned_ChangesNothing()
    {
        var id = await PendingPaymentAsync("n-mch");

        Assert.Equal("FAIL", (await PostNotifyAsync("wx-a", Signed(NotifyFields(id, 500, mchId: "1999999999")))).ReturnCode);
        Assert.Equal("pending", await StatusAsync(id));
    }

    [Fact]
    public async Task NotifyOnAnotherInstancesRoute_ChangesNothing()
    {
        var id = await PendingPaymentAsync("n-route");
        var bodyForB = Signed(NotifyFields(id, 500, GatewayFactory.AppB, GatewayFactory.MchB), GatewayFactory.MerchantBKey, hmac: true);

        Assert.Equal("FAIL", (await PostNotifyAsync("wx-b", bodyForB)).ReturnCode);
        Assert.Equal("pending", await StatusAsync(id));
    }

    [Fact]
    public async Task UnknownOrder_AnswersFail()
    {
        Assert.Equal("FAIL", (await PostNotifyAsync("wx-a", Signed(NotifyFields("pay_00000000000000000000000000", 500)))).ReturnCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<xml><return_code>SUCCESS</return_code>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><out_trade_no>&x;</out_trade_no></xml>")]
    public async Task MalformedBody_AnswersFail(string body)
    {
        Assert.Equal("FAIL", (await PostNotifyAsync("wx-a", body)).ReturnCode);
    }

    [Fact]
    public async Task BodyThatMakesSystemXmlThrow_IsMalformed_WithoutAnError()
    {
        // Found by fuzz/: 22 unsigned bytes used to escape the plugin as an exception (an Error log, outcome "error").
        var body = Convert.FromBase64String("PD94bWwgdmVyc2lvbj0iMS4wtCI/Pg==");
        using var http = gateway.ApiClient(apiKey: null);

        var response = await http.PostAsync("/notify/wx-a", new ByteArrayContent(body));

        Assert.Equal("FAIL", XElement.Parse(await response.Content.ReadAsStringAsync()).Element("return_code")!.Value);
        using var admin = gateway.ApiClient(apiKey: null);
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk_test_admin");
        // Not verified, so not kept whole: a sample with its size and hash (NotifyRejectionLog), no inbox entry.
        var recorder = gateway.Services.GetRequiredService<Gateway.Notify.NotifyInboxRecorder>();
        await NotifyRejectionSampleTests.WaitUntilAsync(() => recorder.Pending == 0);
        var inbox = await ReadAsync(await admin.GetAsync("/admin/notify-inbox?instance=wx-a&limit=500"));
        Assert.DoesNotContain(inbox["data"]!.AsArray(), e => e!["size"]!.GetValue<int>() == body.Length);
        var samples = await ReadAsync(await admin.GetAsync("/admin/notify-rejections?instance=wx-a&limit=500"));
        var sample = Assert.Single(samples["data"]!.AsArray(), e => e!["bodySha256"]!.GetValue<string>() == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)));
        Assert.Equal("malformed", sample.Str("reason"));
        Assert.Equal(body.Length, sample!["bodySize"]!.GetValue<int>());
    }

    [Fact]
    public async Task OversizedBody_Is413_AndChangesNothing()
    {
        var id = await PendingPaymentAsync("n-big");
        var fields = NotifyFields(id, 500);
        fields["attach"] = new string('x', 70_000);
        using var http = gateway.ApiClient(apiKey: null);

        var response = await http.PostAsync("/notify/wx-a", new StringContent(Signed(fields), Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("pending", await StatusAsync(id));
    }

    [Fact]
    public async Task UnknownInstance_Is404()
    {
        using var http = gateway.ApiClient(apiKey: null);

        var response = await http.PostAsync("/notify/no-such-instance", new StringContent("<xml/>", Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
