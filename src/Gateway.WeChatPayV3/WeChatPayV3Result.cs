using System.Diagnostics.CodeAnalysis;
using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3;

/// <summary>
/// A verified reply: the value of a 2xx, or WeChat's error (<c>code</c>, <c>message</c>) with its HTTP status.
/// Business refusals are data, not exceptions.
/// </summary>
public sealed record WeChatPayV3Result<T>(int StatusCode, T? Value, ErrorReply? Error)
    where T : class
{
    /// <summary>True for a 2xx reply.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}
