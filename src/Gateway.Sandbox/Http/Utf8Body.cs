using System.Text;
using System.Text.RegularExpressions;

namespace Gateway.Sandbox.Http;

/// <summary>
/// WeChat's v2 APIs take UTF-8 only and answer NOT_UTF8 otherwise (docs/protocols.md B8). A body is UTF-8 when its
/// bytes decode strictly and its XML declaration, if any, names no other encoding (a GBK declaration over ASCII
/// bytes is still refused; inferred, as WeChat does not say which check it runs).
/// </summary>
internal static partial class Utf8Body
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsUtf8(byte[] body)
    {
        string text;
        try
        {
            text = Strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var declared = DeclaredEncoding().Match(text);
        return !declared.Success || declared.Groups[1].Value.Equals("UTF-8", StringComparison.OrdinalIgnoreCase)
            || declared.Groups[1].Value.Equals("UTF8", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']*)["']""")]
    private static partial Regex DeclaredEncoding();
}
