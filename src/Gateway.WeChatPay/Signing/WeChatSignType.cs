namespace Gateway.WeChatPay.Signing;

/// <summary>The two v2 signature algorithms, selected by the <c>sign_type</c> field.</summary>
public enum WeChatSignType
{
    /// <summary><c>MD5</c>, the default when <c>sign_type</c> is absent.</summary>
    Md5,

    /// <summary><c>HMAC-SHA256</c>.</summary>
    HmacSha256,
}

/// <summary>Wire names of <see cref="WeChatSignType"/>.</summary>
public static class WeChatSignTypes
{
    /// <summary>The wire value of <see cref="WeChatSignType.Md5"/>.</summary>
    public const string Md5 = "MD5";

    /// <summary>The wire value of <see cref="WeChatSignType.HmacSha256"/>.</summary>
    public const string HmacSha256 = "HMAC-SHA256";

    /// <summary>The wire value of a sign type.</summary>
    public static string ToWire(this WeChatSignType type) => type == WeChatSignType.HmacSha256 ? HmacSha256 : Md5;

    /// <summary>Parses a wire value; false for anything but <c>MD5</c> / <c>HMAC-SHA256</c>.</summary>
    public static bool TryParse(string? value, out WeChatSignType type)
    {
        switch (value)
        {
            case Md5:
                type = WeChatSignType.Md5;
                return true;
            case HmacSha256:
                type = WeChatSignType.HmacSha256;
                return true;
            default:
                type = WeChatSignType.Md5;
                return false;
        }
    }
}
