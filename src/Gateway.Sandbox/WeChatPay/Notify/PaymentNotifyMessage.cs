using System.Globalization;
using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.Sandbox.WeChatPay.Notify;

/// <summary>
/// The body of a payment result notify (docs/protocols.md §B6). Like real notifies it carries no
/// <c>sign_type</c>: the receiver must infer HMAC-SHA256 from a 64-character sign, and the order's own
/// sign type is what the sandbox signs with.
/// </summary>
internal static class PaymentNotifyMessage
{
    public static string Build(OrderSnapshot order, MerchantAccount merchant)
    {
        var payment = order.Payment ?? throw new InvalidOperationException("Only a paid order has a payment notify.");
        var terms = order.Terms;
        var totalFee = terms.TotalFee.ToString(CultureInfo.InvariantCulture);

        // Alphabetical, as in WeChat's documented example; the order does not affect the signature.
        var fields = new List<KeyValuePair<string, string>>
        {
            new("appid", terms.AppId),
            new("attach", terms.Attach ?? ""),
            new("bank_type", payment.BankType),
            new("cash_fee", totalFee),
            new("device_info", terms.DeviceInfo ?? ""),
            new("fee_type", terms.FeeType),
            new("is_subscribe", "N"),
            new("mch_id", terms.MchId),
            new("nonce_str", SandboxIds.NonceStr()),
            new("openid", payment.OpenId),
            new("out_trade_no", terms.OutTradeNo),
            new("result_code", order.State == OrderState.PayError ? WeChatReplies.Fail : WeChatReplies.Success),
            new("return_code", WeChatReplies.Success),
            new("time_end", BeijingTime.ToWire(payment.PaidAt)),
            new("total_fee", totalFee),
            new("trade_type", terms.TradeType),
            new("transaction_id", payment.TransactionId),
        };
        if (order.State == OrderState.PayError)
        {
            // A failed payment's notify (the pay_fail fault). WeChat's failure notify is documented only by its
            // err_code/err_code_des fields; the code and text here are inferred.
            fields.Add(new("err_code", "PAYERROR"));
            fields.Add(new("err_code_des", "支付失败"));
        }

        fields.Add(new(SandboxSigner.SignField, SandboxSigner.Sign(fields, merchant.ApiKey, terms.SignType)));
        return WeChatXml.Write(fields);
    }
}
