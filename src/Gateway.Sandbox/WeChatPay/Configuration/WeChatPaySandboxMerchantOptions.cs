namespace Gateway.Sandbox.WeChatPay.Configuration;

/// <summary>One simulated merchant account (商户号) with its v2 API key and bound app ids.</summary>
public sealed class WeChatPaySandboxMerchantOptions
{
    /// <summary>The merchant id, <c>mch_id</c>.</summary>
    public string MchId { get; set; } = "";

    /// <summary>The 32-character v2 API key that signs requests, replies and notifies. Never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The app ids bound to this merchant; any other <c>appid</c> gets APPID_MCHID_NOT_MATCH.</summary>
    public List<string> AppIds { get; set; } = [];

    /// <summary>
    /// The merchant's payment callback for Native "mode 1" product codes (set in the merchant platform at WeChat):
    /// scanning a product link posts appid, openid, mch_id, product_id here. Optional.
    /// </summary>
    public string? ScanCallbackUrl { get; set; }

    /// <summary>
    /// The payment products the merchant has activated, as trade types; unifiedorder answers NOAUTH for the others
    /// (APP and H5/MWEB are separate products at WeChat). Null means NATIVE and JSAPI.
    /// </summary>
    public List<string>? TradeTypes { get; set; }
}
