using System.Text;
using System.Xml.Linq;
using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests.Reliability;

/// <summary>WeChat payment notifies for instance wx-a, signed independently, and how to post them.</summary>
internal static class NotifyFixtures
{
    /// <summary>A fresh 28-digit WeChat-style transaction id, so dedupe keys never collide across runs.</summary>
    public static string NewTransactionId() => "4200" + string.Concat(Enumerable.Range(0, 24).Select(_ => (char)('0' + Random.Shared.Next(10))));

    /// <summary>A signed paid notify; <paramref name="change"/> edits its fields before signing (another app id, say).</summary>
    public static string PaidNotify(string paymentId, long totalFee, string transactionId, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["return_code"] = "SUCCESS",
            ["appid"] = GatewayFactory.AppA,
            ["mch_id"] = GatewayFactory.MchA,
            ["nonce_str"] = Guid.NewGuid().ToString("N"),
            ["result_code"] = "SUCCESS",
            ["openid"] = "oTestPayer",
            ["trade_type"] = "NATIVE",
            ["bank_type"] = "OTHERS",
            ["total_fee"] = totalFee.ToString(),
            ["fee_type"] = "CNY",
            ["cash_fee"] = totalFee.ToString(),
            ["transaction_id"] = transactionId,
            ["out_trade_no"] = paymentId,
            ["time_end"] = "20261122203000",
        };
        change?.Invoke(fields);
        fields["sign"] = IndependentWeChatSigner.Md5(fields, GatewayFactory.MerchantAKey);
        return IndependentWeChatSigner.Xml(fields);
    }

    /// <summary>Posts a notify and returns WeChat's return_code from the gateway's answer ("ERROR" when it did not answer).</summary>
    public static async Task<string> PostAsync(HttpClient http, string instance, string body)
        => (await PostForAckAsync(http, instance, body)).Code;

    /// <summary>
    /// Posts a notify and returns the gateway's return_code and return_msg ("ERROR" and the exception type
    /// when it did not answer: connection refused or reset, timeout, or a body that is not the ack).
    /// </summary>
    public static async Task<(string Code, string? Message)> PostForAckAsync(HttpClient http, string instance, string body)
    {
        try
        {
            using var response = await http.PostAsync($"/notify/{instance}", new StringContent(body, Encoding.UTF8, "text/xml"));
            var ack = XElement.Parse(await response.Content.ReadAsStringAsync());
            return (ack.Element("return_code")?.Value ?? "NONE", ack.Element("return_msg")?.Value);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Xml.XmlException or IOException)
        {
            return ("ERROR", ex.GetType().Name);
        }
    }
}
