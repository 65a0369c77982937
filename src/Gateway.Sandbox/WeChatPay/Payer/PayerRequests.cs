namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>Body of <c>POST …/wechatpay/scan</c>: the QR content the simulated payer scanned.</summary>
internal sealed record ScanRequest(string? CodeUrl);

/// <summary>
/// Body of <c>POST …/wechatpay/pay</c>: the prepay_id a JSAPI page or mini program would pay. <c>sendNotify: false</c>
/// pays without ever notifying, to play a lost notify (the merchant must then learn it by querying).
/// </summary>
internal sealed record PayRequest(string? PrepayId, bool? SendNotify = null);

/// <summary>Answer of a successful simulated payment.</summary>
internal sealed record PaymentAccepted(string OutTradeNo, string TransactionId, string Status);
