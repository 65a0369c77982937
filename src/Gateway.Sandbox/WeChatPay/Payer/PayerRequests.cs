namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>Body of <c>POST …/wechatpay/scan</c>: the QR content the simulated payer scanned.</summary>
internal sealed record ScanRequest(string? CodeUrl);

/// <summary>Body of <c>POST …/wechatpay/pay</c>: the prepay_id a JSAPI page or mini program would pay.</summary>
internal sealed record PayRequest(string? PrepayId);

/// <summary>Answer of a successful simulated payment.</summary>
internal sealed record PaymentAccepted(string OutTradeNo, string TransactionId, string Status);
