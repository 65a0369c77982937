namespace Gateway.WeChatPayV3;

/// <summary>A reply that cannot be trusted or read: its signature does not verify, or its body is not what the API answers.</summary>
public sealed class WeChatPayV3ReplyException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The reply's signature headers are missing or do not verify.</summary>
    public const string InvalidSignature = "INVALID_REPLY_SIGNATURE";

    /// <summary>The reply is not the JSON the operation answers, or is too large.</summary>
    public const string InvalidResponse = "INVALID_RESPONSE";

    /// <summary><see cref="InvalidSignature"/> or <see cref="InvalidResponse"/>.</summary>
    public string Code { get; } = code;
}
