namespace Gateway.Sandbox.WeChatPay.Protocol;

/// <summary>WeChat Pay v2 error codes (docs/protocols.md §B8), as they appear on the wire.</summary>
internal static class WeChatErrorCodes
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string OrderPaid = "ORDERPAID";
    public const string OrderClosed = "ORDERCLOSED";
    public const string OrderNotExist = "ORDERNOTEXIST";
    public const string AppIdNotExist = "APPID_NOT_EXIST";
    public const string MchIdNotExist = "MCHID_NOT_EXIST";
    public const string AppIdMchIdNotMatch = "APPID_MCHID_NOT_MATCH";
    public const string LackParams = "LACK_PARAMS";
    public const string OutTradeNoUsed = "OUT_TRADE_NO_USED";
    public const string SignError = "SIGNERROR";
    public const string XmlFormatError = "XML_FORMAT_ERROR";
    public const string RequirePostMethod = "REQUIRE_POST_METHOD";
    public const string PostDataEmpty = "POST_DATA_EMPTY";
    public const string NotUtf8 = "NOT_UTF8";
    public const string NoAuth = "NOAUTH";
    public const string SystemError = "SYSTEMERROR";
    public const string ParamError = "PARAM_ERROR";

    // Refunds (docs/protocols.md §G2.1, §G2.2).
    public const string Error = "ERROR";
    public const string NotEnough = "NOTENOUGH";
    public const string RefundNotExist = "REFUNDNOTEXIST";
    public const string CertError = "CERT_ERROR";
}
