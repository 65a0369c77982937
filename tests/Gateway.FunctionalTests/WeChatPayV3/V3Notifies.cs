using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// Builds v3 notifies the way WeChat Pay does, written here independently of the gateway's and sandbox's code:
/// AES-256-GCM with System.Security.Cryptography directly, SHA256withRSA over <c>timestamp\nnonce\nbody\n</c>.
/// </summary>
internal static class V3Notifies
{
    public static string TransactionJson(string outTradeNo, long total, string appId = V3GatewayFactory.JsapiAppId, string mchId = V3GatewayFactory.MchId)
        => new JsonObject
        {
            ["appid"] = appId,
            ["mchid"] = mchId,
            ["out_trade_no"] = outTradeNo,
            ["transaction_id"] = "4200000000202611290000000001",
            ["trade_type"] = "NATIVE",
            ["trade_state"] = "SUCCESS",
            ["success_time"] = "2026-11-29T18:00:00+08:00",
            ["payer"] = new JsonObject { ["openid"] = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
            ["amount"] = new JsonObject { ["total"] = total, ["payer_total"] = total, ["currency"] = "CNY", ["payer_currency"] = "CNY" },
        }.ToJsonString();

    public static string Envelope(string plaintext, string key, string nonce = "fdasflkja484", string associatedData = "transaction", Func<byte[], byte[]>? tamper = null)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + 16];
        using (var aes = new AesGcm(Encoding.ASCII.GetBytes(key), 16))
        {
            aes.Encrypt(Encoding.ASCII.GetBytes(nonce), plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), Encoding.UTF8.GetBytes("transaction"));
        }

        return new JsonObject
        {
            ["id"] = "EV-2018022511223320873",
            ["create_time"] = "2026-11-29T18:00:00+08:00",
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = "TRANSACTION.SUCCESS",
            ["summary"] = "支付成功",
            ["resource"] = new JsonObject
            {
                ["original_type"] = "transaction",
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = Convert.ToBase64String(tamper?.Invoke(sealedBytes) ?? sealedBytes),
                ["associated_data"] = associatedData,
                ["nonce"] = nonce,
            },
        }.ToJsonString();
    }

    public static HttpRequestMessage Signed(string instance, string body, RSA key, string serial, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/notify/{instance}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Wechatpay-Timestamp", timestamp);
        request.Headers.Add("Wechatpay-Nonce", nonce);
        request.Headers.Add("Wechatpay-Signature", signature);
        request.Headers.Add("Wechatpay-Serial", serial);
        request.Headers.Add("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return request;
    }
}
