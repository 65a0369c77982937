namespace Gateway.Sandbox.WeChatPay.Protocol;

/// <summary>
/// A refusal before any business logic ran: answered with <c>return_code=FAIL</c> and an unsigned
/// <c>return_msg</c>, as WeChat does for transport, signature and parameter problems. Business refusals
/// (ORDERPAID, OUT_TRADE_NO_USED…) are signed <c>result_code=FAIL</c> replies instead.
/// </summary>
internal sealed record ProtocolError(string Code, string Message)
{
    /// <summary>
    /// WeChat's FAIL replies carry no err_code, only text. The sandbox appends the code in parentheses so a
    /// developer (and a test) can see which rule fired. The signature failure keeps WeChat's exact text,
    /// "签名错误", because clients are known to match on it.
    /// </summary>
    public string ReturnMsg => Code == WeChatErrorCodes.SignError ? Message : $"{Message} ({Code})";

    public static ProtocolError RequirePost() => new(WeChatErrorCodes.RequirePostMethod, "请使用post方法");

    public static ProtocolError EmptyBody() => new(WeChatErrorCodes.PostDataEmpty, "post数据为空");

    public static ProtocolError NotUtf8() => new(WeChatErrorCodes.NotUtf8, "编码格式错误，请使用UTF-8编码");

    public static ProtocolError UnknownApi() => new(WeChatErrorCodes.NoAuth, "请求的接口不存在或未开通");

    public static ProtocolError MalformedXml() => new(WeChatErrorCodes.XmlFormatError, "XML格式错误");

    public static ProtocolError BadSignature() => new(WeChatErrorCodes.SignError, "签名错误");

    public static ProtocolError UnknownMerchant() => new(WeChatErrorCodes.MchIdNotExist, "商户号mch_id不存在");

    public static ProtocolError UnknownAppId() => new(WeChatErrorCodes.AppIdNotExist, "appid不存在");

    public static ProtocolError AppIdNotBound() => new(WeChatErrorCodes.AppIdMchIdNotMatch, "appid和mch_id不匹配");

    public static ProtocolError Missing(string field) => new(WeChatErrorCodes.LackParams, $"缺少参数{field}");

    public static ProtocolError Invalid(string field, string rule) =>
        new(WeChatErrorCodes.InvalidRequest, $"{field}参数格式错误: {rule}");
}
