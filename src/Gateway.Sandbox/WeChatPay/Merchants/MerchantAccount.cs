namespace Gateway.Sandbox.WeChatPay.Merchants;

/// <summary>
/// A configured merchant. A class rather than a record on purpose: a record's generated
/// <c>ToString</c> would print the API key into any log line that formats the account.
/// </summary>
internal sealed class MerchantAccount(
    string mchId, string apiKey, IEnumerable<string> appIds, Uri? scanCallbackUrl = null, long? refundableBalance = null,
    IEnumerable<string>? tradeTypes = null)
{
    private readonly Lock _balanceLock = new();
    private long? _refundableBalance = refundableBalance;

    public string MchId { get; } = mchId;

    public string ApiKey { get; } = apiKey;

    public IReadOnlySet<string> AppIds { get; } = new HashSet<string>(appIds, StringComparer.Ordinal);

    /// <summary>Where product-code scans are posted (Native mode 1); null when not configured.</summary>
    public Uri? ScanCallbackUrl { get; } = scanCallbackUrl;

    /// <summary>The trade types the merchant may order (its activated products).</summary>
    public IReadOnlySet<string> TradeTypes { get; } = new HashSet<string>(tradeTypes ?? DefaultTradeTypes, StringComparer.Ordinal);

    /// <summary>What a merchant can order when its products are not configured.</summary>
    public static IReadOnlyList<string> DefaultTradeTypes { get; } = [Orders.TradeTypes.Native, Orders.TradeTypes.Jsapi];

    /// <summary>Takes <paramref name="fee"/> from the refundable balance; false (NOTENOUGH) when it is short. Unlimited when not configured.</summary>
    public bool TryDebitRefund(long fee)
    {
        lock (_balanceLock)
        {
            if (_refundableBalance is not { } balance)
            {
                return true;
            }

            if (balance < fee)
            {
                return false;
            }

            _refundableBalance = balance - fee;
            return true;
        }
    }

    public override string ToString() => $"merchant {MchId}";
}
