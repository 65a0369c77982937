using Gateway.WeChatPay.Xml;

namespace Gateway.Sandbox.WeChatPay.Protocol;

/// <summary>Builds v2 reply bodies: unsigned FAIL envelopes, and signed SUCCESS envelopes.</summary>
internal static class WeChatReplies
{
    public const string Success = "SUCCESS";
    public const string Fail = "FAIL";

    public static string ProtocolFailure(ProtocolError error) => WeChatXml.Write(
    [
        new("return_code", Fail),
        new("return_msg", error.ReturnMsg),
    ]);

    /// <summary>
    /// Wraps a result in <c>return_code=SUCCESS</c>, echoes appid/mch_id/device_info, adds a fresh nonce and
    /// signs everything with the merchant key in the request's own sign type, as WeChat does.
    /// </summary>
    public static string Signed(AuthenticatedRequest request, IEnumerable<KeyValuePair<string, string>> result)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("return_code", Success),
            new("return_msg", "OK"),
            new("appid", request.AppId),
            new("mch_id", request.Merchant.MchId),
            new("device_info", request.Fields.GetValueOrDefault("device_info", "")),
            new("nonce_str", SandboxIds.NonceStr()),
        };
        fields.AddRange(result);
        fields.Add(new(SandboxSigner.SignField, SandboxSigner.Sign(fields, request.Merchant.ApiKey, request.SignType)));
        return WeChatXml.Write(fields);
    }
}
