using Gateway.Abstractions.Payments;
using Gateway.WeChatPayV3;
using Gateway.WeChatPayV3.Models;

namespace Gateway.Plugins.WeChatPayV3;

/// <summary>WeChat's v3 error replies as provider errors. REF: docs/protocols.md §G3.c.</summary>
internal static class V3Errors
{
    public static ProviderError From(int status, ErrorReply? reply)
    {
        var code = string.IsNullOrEmpty(reply?.Code) ? $"HTTP_{status}" : reply.Code;
        var message = string.IsNullOrEmpty(reply?.Message) ? code : reply.Message;
        // SYSTEM_ERROR (500): retry with the same parameters; FREQUENCY_LIMITED/RATELIMIT_EXCEED (429) later.
        // USER_PAYING (202) is not an error reply. Everything else is a business answer and never benches an instance.
        var transient = status >= 500 || status == 429 || code is "SYSTEM_ERROR" or "FREQUENCY_LIMITED" or "RATELIMIT_EXCEED";
        return new ProviderError(transient ? ProviderErrorKind.Transient : ProviderErrorKind.Rejected, code, message);
    }

    public static ProviderError EmptyReply()
        => new(ProviderErrorKind.Transient, WeChatPayV3ReplyException.InvalidResponse, "The reply has no body.");

    public static ProviderError Invalid(string code, string message) => new(ProviderErrorKind.InvalidRequest, code, message);
}
