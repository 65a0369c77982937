using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.Plugins.WeChatNative.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_NeverContainApiKeyOrSign()
    {
        var harness = new PluginHarness();
        var request = new CreatePaymentRequest
        {
            PaymentId = "pay_log", Channel = "wechat.native", MerchantOrderId = "o", Amount = 1, Currency = "CNY",
            Description = "d", ClientIp = "203.0.113.9", CreatedAt = PluginHarness.Now, ExpiresAt = PluginHarness.Now.AddHours(1),
        };

        harness.Server.Reply = (_, _) => new() { ["result_code"] = "FAIL", ["err_code"] = "ORDERPAID" };
        await harness.Instance.CreateAsync(request, default);
        harness.Server.TamperReply = true;
        await harness.Instance.QueryAsync(new PaymentQuery("pay_log"), default);
        var forged = new Dictionary<string, string> { ["return_code"] = "SUCCESS", ["out_trade_no"] = "pay_log" };
        var sign = WeChatSigner.Sign(forged, PluginHarness.ApiKey, WeChatSignType.Md5);
        forged["sign"] = sign;
        forged["total_fee"] = "1";
        await harness.Instance.ParseNotifyAsync(new NotifyRequest(NotifyKind.Payment, Encoding.UTF8.GetBytes(WeChatXml.Write(forged)), null, new Dictionary<string, string>()), default);

        // The plugin logs three lines here; IHttpClientFactory adds its own, which must be clean too.
        Assert.True(harness.Logs.Lines.Count >= 3);
        Assert.All(harness.Logs.Lines, line =>
        {
            Assert.DoesNotContain(PluginHarness.ApiKey, line, StringComparison.Ordinal);
            Assert.DoesNotContain(sign, line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<xml>", line, StringComparison.Ordinal);
        });
    }
}
