namespace Gateway.Sandbox.WeChatPay.Merchants;

/// <summary>
/// A configured merchant. A class rather than a record on purpose: a record's generated
/// <c>ToString</c> would print the API key into any log line that formats the account.
/// </summary>
internal sealed class MerchantAccount(string mchId, string apiKey, IEnumerable<string> appIds, Uri? scanCallbackUrl = null)
{
    public string MchId { get; } = mchId;

    public string ApiKey { get; } = apiKey;

    public IReadOnlySet<string> AppIds { get; } = new HashSet<string>(appIds, StringComparer.Ordinal);

    /// <summary>Where product-code scans are posted (Native mode 1); null when not configured.</summary>
    public Uri? ScanCallbackUrl { get; } = scanCallbackUrl;

    public override string ToString() => $"merchant {MchId}";
}
