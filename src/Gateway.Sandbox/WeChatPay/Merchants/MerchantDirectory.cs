using System.Collections.Frozen;
using Gateway.Sandbox.WeChatPay.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Merchants;

/// <summary>The configured merchants by <c>mch_id</c>, plus which app ids exist at all.</summary>
internal sealed class MerchantDirectory
{
    private readonly FrozenDictionary<string, MerchantAccount> _byMchId;
    private readonly FrozenSet<string> _allAppIds;

    public MerchantDirectory(IOptions<WeChatPaySandboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var merchants = options.Value.Merchants.Select(m => new MerchantAccount(
            m.MchId, m.ApiKey, m.AppIds, string.IsNullOrEmpty(m.ScanCallbackUrl) ? null : new Uri(m.ScanCallbackUrl), m.RefundableBalance,
            m.TradeTypes)).ToList();
        _byMchId = merchants.ToFrozenDictionary(m => m.MchId, StringComparer.Ordinal);
        _allAppIds = merchants.SelectMany(m => m.AppIds).ToFrozenSet(StringComparer.Ordinal);
    }

    public bool TryFind(string mchId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MerchantAccount? merchant) =>
        _byMchId.TryGetValue(mchId, out merchant);

    /// <summary>True when some merchant has this app id; tells APPID_NOT_EXIST from APPID_MCHID_NOT_MATCH.</summary>
    public bool AppIdExists(string appId) => _allAppIds.Contains(appId);
}
