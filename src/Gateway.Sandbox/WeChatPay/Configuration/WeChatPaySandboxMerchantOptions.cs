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

    /// <summary>APIv3: the 32-character APIv3 key that encrypts notify resources and certificates. Optional; never logged.</summary>
    public string? ApiV3Key { get; set; }

    /// <summary>APIv3: the serial of the merchant API certificate its requests name in <c>serial_no</c>.</summary>
    public string? MerchantSerialNo { get; set; }

    /// <summary>APIv3: the merchant API public key (PEM) the sandbox verifies request signatures with.</summary>
    public string? MerchantPublicKey { get; set; }

    /// <summary>APIv3: how replies and notifies name WeChat Pay's key: <c>PublicKey</c> (default) or <c>Certificate</c>.</summary>
    public string? V3SignatureMode { get; set; }
    /// <summary>
    /// The merchant's balance available for refunds, in fen; null (the default) is unlimited. Refunds beyond it get
    /// WeChat's NOTENOUGH (the merchant must top up), so that refusal can be tried.
    /// </summary>
    public long? RefundableBalance { get; set; }
}
