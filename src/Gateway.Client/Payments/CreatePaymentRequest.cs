namespace Gateway.Client.Payments;

/// <summary>The body of <c>POST /v1/payments</c>. Amounts are integers in fen.</summary>
public sealed record CreatePaymentRequest
{
    /// <summary>One of <see cref="Channels"/>, e.g. <c>wechat.native</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>Your order id: 1–64 of letters, digits, <c>_ - . :</c>; unique per client among live payments.</summary>
    public required string MerchantOrderId { get; init; }

    /// <summary>The amount in fen (1 = ¥0.01).</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217; <c>CNY</c>.</summary>
    public string Currency { get; init; } = "CNY";

    /// <summary>Shown to the payer (at most 128 characters).</summary>
    public required string Description { get; init; }

    /// <summary>The payer's IP address.</summary>
    public required string ClientIp { get; init; }

    /// <summary>The payer, for <c>wechat.jsapi</c> and <c>wechat.miniprogram</c>.</summary>
    public Payer? Payer { get; init; }

    /// <summary>Your webhook for this payment's events (else the client's configured one).</summary>
    public string? NotifyUrl { get; init; }

    /// <summary>Seconds the payment stays payable (60–86400; default 7200).</summary>
    public int? ExpiresIn { get; init; }

    /// <summary>Where the checkout page sends the payer after success (https).</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>Up to 20 string pairs, echoed back.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>Who pays, for channels that need it: an openid, or the mini-program login's session token.</summary>
public sealed record Payer
{
    /// <summary>The payer's openid under the instance's app id.</summary>
    public string? OpenId { get; init; }

    /// <summary>The <c>sessionToken</c> from the mini-program login route.</summary>
    public string? SessionToken { get; init; }
}

/// <summary>The channels the gateway offers today.</summary>
public static class Channels
{
    /// <summary>WeChat Pay Native: a QR the payer scans.</summary>
    public const string WeChatNative = "wechat.native";

    /// <summary>WeChat Pay inside WeChat's browser (needs <see cref="Payer.OpenId"/>).</summary>
    public const string WeChatJsapi = "wechat.jsapi";

    /// <summary>WeChat Pay in a mini program (needs an openid or session token).</summary>
    public const string WeChatMiniProgram = "wechat.miniprogram";

    /// <summary>PaysAPI personal QR, Alipay.</summary>
    public const string PaysApiAlipay = "paysapi.alipay";

    /// <summary>PaysAPI personal QR, WeChat.</summary>
    public const string PaysApiWeChat = "paysapi.wechat";

    /// <summary>The payer chooses on the checkout page (aggregated checkout).</summary>
    public const string Any = "any";
}
