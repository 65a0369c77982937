using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.WeChatPay.Signing;

namespace Gateway.Sandbox.WeChatPay.Protocol;

/// <summary>A request whose merchant, signature and app id binding have been checked.</summary>
internal sealed record AuthenticatedRequest(
    MerchantAccount Merchant,
    string AppId,
    WeChatSignType SignType,
    IReadOnlyDictionary<string, string> Fields);
