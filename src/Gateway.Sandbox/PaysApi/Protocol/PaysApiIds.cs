using System.Security.Cryptography;

namespace Gateway.Sandbox.PaysApi.Protocol;

/// <summary>Identifiers and QR contents shaped like PaysAPI's, random enough never to repeat.</summary>
internal static class PaysApiIds
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string LowerHex = "0123456789abcdef";

    /// <summary>PaysAPI's own order id, <c>paysapi_id</c>.</summary>
    public static string PaysApiId() => RandomNumberGenerator.GetString(LowerHex, 24);

    /// <summary>The QR content: an Alipay-like URL for istype 1, a WeChat-like <c>wxp://</c> code for 2.</summary>
    public static string QrCode(string isType) => isType == IsTypes.Alipay
        ? "HTTPS://QR.ALIPAY.COM/FKX0" + RandomNumberGenerator.GetString(Alphanumeric, 18)
        : "wxp://f2f0" + RandomNumberGenerator.GetString(Alphanumeric, 24);
}

/// <summary>PaysAPI's <c>istype</c> values: 1 Alipay, 2 WeChat Pay.</summary>
internal static class IsTypes
{
    public const string Alipay = "1";
    public const string WeChat = "2";

    public static bool IsKnown(string value) => value is Alipay or WeChat;
}
