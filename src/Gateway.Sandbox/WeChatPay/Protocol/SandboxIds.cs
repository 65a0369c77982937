using System.Security.Cryptography;

namespace Gateway.Sandbox.WeChatPay.Protocol;

/// <summary>Identifiers shaped like WeChat's, random enough that two sandbox orders never share one.</summary>
internal static class SandboxIds
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string LowerHex = "0123456789abcdef";
    private const string Digits = "0123456789";

    /// <summary>The scheme and path of a Native "mode 2" QR code; the <c>pr</c> value identifies the order.</summary>
    public const string CodeUrlPrefix = "weixin://wxpay/bizpayurl?pr=";

    /// <summary>A fresh <c>nonce_str</c> (String(32)).</summary>
    public static string NonceStr() => RandomNumberGenerator.GetString(Alphanumeric, 32);

    /// <summary><c>wx</c> + Beijing timestamp + 20 random characters: 36 characters, within String(64).</summary>
    public static string PrepayId(DateTimeOffset now) =>
        "wx" + BeijingTime.ToWire(now) + RandomNumberGenerator.GetString(LowerHex, 20);

    /// <summary>A Native mode-2 <c>code_url</c>.</summary>
    public static string CodeUrl() => CodeUrlPrefix + RandomNumberGenerator.GetString(Alphanumeric, 12);

    /// <summary>28 digits starting <c>4200</c>, like real WeChat Pay transaction ids: 4200 + 6 random + yyyyMMdd + 10 random.</summary>
    public static string TransactionId(DateTimeOffset now) =>
        "4200" + RandomNumberGenerator.GetString(Digits, 6) + BeijingTime.ToWire(now)[..8] + RandomNumberGenerator.GetString(Digits, 10);

    /// <summary>A 28-character openid recognisable as the sandbox's simulated payer.</summary>
    public static string PayerOpenId() => "oSandboxPayer" + RandomNumberGenerator.GetString(Alphanumeric, 15);

    /// <summary>29 digits starting <c>5000</c>, like real refund ids: 5000 + 7 random + yyyyMMdd + 10 random.</summary>
    public static string RefundId(DateTimeOffset now) =>
        "5000" + RandomNumberGenerator.GetString(Digits, 7) + BeijingTime.ToWire(now)[..8] + RandomNumberGenerator.GetString(Digits, 10);
}
