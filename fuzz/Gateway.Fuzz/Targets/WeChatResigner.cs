using System.Text;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// Signs whatever fields an input parses to with the test key, so the fuzzer's mutations reach the code
/// behind the signature check. Null when the input is not a v2 message (the raw targets cover those).
/// </summary>
internal static class WeChatResigner
{
    /// <summary>Re-signs with <paramref name="type"/>, or by default with the algorithm the input's sign_type names.</summary>
    public static byte[]? Resign(ReadOnlySpan<byte> input, string key, WeChatSignType? type = null)
    {
        Dictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Parse(input);
        }
        catch (WeChatXmlException)
        {
            return null;
        }

        fields.Remove(WeChatSigner.SignField);
        type ??= fields.GetValueOrDefault(WeChatSigner.SignTypeField) == "HMAC-SHA256" ? WeChatSignType.HmacSha256 : WeChatSignType.Md5;
        fields[WeChatSigner.SignField] = WeChatSigner.Sign(fields, key, type.Value);
        try
        {
            return Encoding.UTF8.GetBytes(WeChatXml.Write(fields));
        }
        catch (System.Xml.XmlException)
        {
            return null; // a prefixed name the writer refuses
        }
    }
}
