namespace Gateway.WeChatPayV3.Verification;

/// <summary>The outcome of checking a reply's or notify's signature headers.</summary>
public enum SignatureCheck
{
    /// <summary>The signature verifies with the named key, and the timestamp is fresh.</summary>
    Valid,

    /// <summary>A <c>Wechatpay-*</c> header is missing, or the signature type is not RSA.</summary>
    MissingHeaders,

    /// <summary><c>Wechatpay-Timestamp</c> is not a number or more than 5 minutes off.</summary>
    StaleTimestamp,

    /// <summary><c>Wechatpay-Serial</c> names no known key (after at most one certificate refresh).</summary>
    UnknownSerial,

    /// <summary>The signature does not verify.</summary>
    BadSignature,
}
