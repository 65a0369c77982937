namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>
/// Body of <c>POST …/wechatpay/scan</c>: the QR content the simulated payer scanned. <c>suppressNotify: true</c> pays
/// without sending the notify (a lost notify: the merchant learns it from a query or the day's bill).
/// </summary>
internal sealed record ScanRequest(string? CodeUrl, bool? SuppressNotify = null);

/// <summary>
/// Body of <c>POST …/wechatpay/pay</c>: the prepay_id a JSAPI page or mini program would pay. <c>suppressNotify: true</c>
/// (or its older spelling <c>sendNotify: false</c>) pays without ever notifying, to play a lost notify (the merchant
/// must then learn it by querying or from the day's bill).
/// </summary>
internal sealed record PayRequest(string? PrepayId, bool? SendNotify = null, bool? SuppressNotify = null)
{
    public bool Notify => SuppressNotify != true && SendNotify != false;
}

/// <summary>Answer of a successful simulated payment.</summary>
internal sealed record PaymentAccepted(string OutTradeNo, string TransactionId, string Status);
