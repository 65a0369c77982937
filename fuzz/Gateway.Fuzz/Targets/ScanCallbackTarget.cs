using Gateway.Plugins.WeChatNative.ProductCodes;
using Gateway.WeChatPay;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// The Native mode-1 scan callback WeChat posts to <c>/p/{instance}/native/scan-callback</c>: raw (never signed
/// with the test key, so always refused), or re-signed with the test key (any answer but an exception).
/// </summary>
internal sealed class ScanCallbackTarget(bool resign)
{
    private static readonly WeChatPayOptions Options = new()
    {
        AppId = TestInstances.WeChatAppId, MchId = TestInstances.WeChatMchId, ApiKey = TestInstances.WeChatKey,
    };

    public void Run(ReadOnlyMemory<byte> input)
    {
        // The callback carries no sign_type: it is verified with the account's algorithm, so it is signed with that.
        var body = resign ? WeChatResigner.Resign(input.Span, TestInstances.WeChatKey, Options.SignType) : input.ToArray();
        if (body is null)
        {
            return;
        }

        var scan = ScanCallback.Parse(body, Options);
        if (scan.Rejection is null && !resign)
        {
            throw new InvariantBrokenException("A callback not signed with the account's key was trusted.");
        }

        if (scan.Rejection is null && (string.IsNullOrEmpty(scan.OpenId) || string.IsNullOrEmpty(scan.ProductId)))
        {
            throw new InvariantBrokenException("A trusted callback lacks its openid or product_id.");
        }
    }
}
