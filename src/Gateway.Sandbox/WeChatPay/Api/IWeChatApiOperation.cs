using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>One v2 API (unifiedorder, orderquery…), run after the shared checks passed.</summary>
internal interface IWeChatApiOperation
{
    OperationResult Execute(AuthenticatedRequest request);
}
