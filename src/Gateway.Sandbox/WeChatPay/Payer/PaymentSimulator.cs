using Gateway.Sandbox.WeChatPay.Notify;
using Gateway.Sandbox.WeChatPay.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>Plays the payer confirming a payment in WeChat, then hands the order to the notify sender.</summary>
internal sealed partial class PaymentSimulator(NotifyQueue notifies, TimeProvider time, ILogger<PaymentSimulator> logger)
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
            notifies.Enqueue(order);
        }

        LogPaid(order.Terms.MchId, order.Terms.OutTradeNo, payment.TransactionId);
        return Results.Ok(new PaymentAccepted(order.Terms.OutTradeNo, payment.TransactionId, "paid"));
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information,
        Message = "Sandbox payer paid order {OutTradeNo} of merchant {MchId}: transaction {TransactionId}.")]
    private partial void LogPaid(string mchId, string outTradeNo, string transactionId);
}
