namespace Gateway.WeChatPay;

/// <summary>
/// A reply that cannot be trusted or read: a bad signature, malformed XML, an oversized body. Unlike a
/// <c>FAIL</c> code (which is data), nothing in such a reply may be used, so it is an exception.
/// </summary>
public sealed class WeChatPayReplyException : Exception
{
    /// <summary><see cref="Code"/> for a reply whose <c>sign</c> does not verify.</summary>
    public const string InvalidSignature = "INVALID_RESPONSE_SIGNATURE";

    /// <summary><see cref="Code"/> for a reply that is not a readable v2 message.</summary>
    public const string InvalidResponse = "INVALID_RESPONSE";

    /// <summary>Creates the exception.</summary>
    public WeChatPayReplyException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary><see cref="InvalidSignature"/> or <see cref="InvalidResponse"/>.</summary>
    public string Code { get; }
}
