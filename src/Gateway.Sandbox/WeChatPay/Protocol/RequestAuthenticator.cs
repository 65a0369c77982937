using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.WeChatPay.Signing;

namespace Gateway.Sandbox.WeChatPay.Protocol;

/// <summary>
/// The checks every v2 API runs before its own: merchant, sign type, signature, nonce, app id binding.
/// </summary>
internal sealed class RequestAuthenticator(MerchantDirectory merchants)
{
    private const int MaxNonceLength = 32;

    public ProtocolError? Authenticate(IReadOnlyDictionary<string, string> fields, out AuthenticatedRequest? request)
    {
        request = null;
        if (!fields.TryGetValue("mch_id", out var mchId) || mchId.Length == 0)
        {
            return ProtocolError.Missing("mch_id");
        }

        if (!merchants.TryFind(mchId, out var merchant))
        {
            return ProtocolError.UnknownMerchant();
        }

        if (!fields.TryGetValue(SandboxSigner.SignField, out var sign) || sign.Length == 0)
        {
            return ProtocolError.Missing(SandboxSigner.SignField);
        }

        var signType = WeChatSignType.Md5;
        if (fields.TryGetValue(SandboxSigner.SignTypeField, out var declared) && declared.Length > 0
            && !WeChatSignTypes.TryParse(declared, out signType))
        {
            return ProtocolError.Invalid(SandboxSigner.SignTypeField, "只支持MD5或HMAC-SHA256");
        }

        // The declared (or default MD5) algorithm decides, never the sign's length: WeChat rejects an
        // HMAC sign sent without sign_type. The comparison is exact: WeChat's signs are upper-case hex.
        if (!SandboxSigner.Matches(SandboxSigner.Sign(fields, merchant.ApiKey, signType), sign))
        {
            return ProtocolError.BadSignature();
        }

        if (!fields.TryGetValue("nonce_str", out var nonce) || nonce.Length == 0)
        {
            return ProtocolError.Missing("nonce_str");
        }

        if (nonce.Length > MaxNonceLength)
        {
            return ProtocolError.Invalid("nonce_str", "长度不能超过32");
        }

        if (!fields.TryGetValue("appid", out var appId) || appId.Length == 0)
        {
            return ProtocolError.Missing("appid");
        }

        if (!merchant.AppIds.Contains(appId))
        {
            return merchants.AppIdExists(appId) ? ProtocolError.AppIdNotBound() : ProtocolError.UnknownAppId();
        }

        request = new AuthenticatedRequest(merchant, appId, signType, fields);
        return null;
    }
}
