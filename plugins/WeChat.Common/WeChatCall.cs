using System.Diagnostics.CodeAnalysis;
using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.WeChat.Common;

/// <summary>
/// The outcome of one WeChat call: the verified reply (also on a FAIL code, for callers that treat some
/// codes as success) and the error, null when WeChat said SUCCESS/SUCCESS.
/// </summary>
internal readonly record struct WeChatCall<TReply>(TReply? Reply, ProviderError? Error)
    where TReply : class
{
    [MemberNotNullWhen(true, nameof(Reply))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Ok => Error is null && Reply is not null;
}
