using Gateway.Sandbox.WeChatPay.Notify;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPayV3.Notify;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>Plays the payer confirming a payment in WeChat, then hands the order to the notify sender.</summary>
internal sealed partial class PaymentSimulator(NotifyQueue notifies, V3NotifyQueue v3Notifies, TimeProvider time, ILogger<PaymentSimulator> logger)
{
    public IResult Pay(SandboxOrder order, bool sendNotify = true)
    {
        var now = time.GetUtcNow();
        // A JSAPI order is paid by the openid it names; other trade types get a made-up payer.
        switch (order.TryPay(now, order.Terms.OpenId))
        {
            case PayResult.AlreadyPaid:
                return PayerProblems.OrderPaid();
            case PayResult.Closed:
                return PayerProblems.OrderClosed();
            case PayResult.PaymentCodeExpired:
                return PayerProblems.PaymentCodeExpired();
        }

        var payment = order.Snapshot(now).Payment!;
        if (sendNotify)
        {
            // An APIv3 order gets the v3 notify (JSON, encrypted resource, Wechatpay-* signature headers).
            if (order.Terms.IsV3)
            {
                v3Notifies.Enqueue(order);
            }
            else
            {
                notifies.Enqueue(order);
            }
        }

        LogPaid(order.Terms.MchId, order.Terms.OutTradeNo, payment.TransactionId);
        return Results.Ok(new PaymentAccepted(order.Terms.OutTradeNo, payment.TransactionId, "paid"));
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information,
        Message = "Sandbox payer paid order {OutTradeNo} of merchant {MchId}: transaction {TransactionId}.")]
    private partial void LogPaid(string mchId, string outTradeNo, string transactionId);
}
