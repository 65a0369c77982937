using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPayV3.Api;

/// <summary>An order as a v3 Transaction (query reply and notify resource). REF: docs/protocols.md §G3.b.</summary>
internal static class TransactionView
{
    public static JsonObject From(OrderSnapshot order)
    {
        var terms = order.Terms;
        var json = new JsonObject
        {
            ["appid"] = terms.AppId,
            ["mchid"] = terms.MchId,
            ["out_trade_no"] = terms.OutTradeNo,
            ["trade_state"] = TradeStates.ToWire(order.State),
            ["trade_state_desc"] = TradeStates.Describe(order.State),
            ["attach"] = terms.Attach ?? "",
            ["amount"] = new JsonObject { ["total"] = terms.TotalFee, ["currency"] = terms.FeeType },
        };
        if (order.Payment is { } payment)
        {
            json["transaction_id"] = payment.TransactionId;
            json["trade_type"] = terms.TradeType;
            json["bank_type"] = payment.BankType;
            json["success_time"] = ToWire(payment.PaidAt);
            json["payer"] = new JsonObject { ["openid"] = payment.OpenId };
            json["amount"] = new JsonObject
            {
                ["total"] = terms.TotalFee,
                ["payer_total"] = terms.TotalFee,
                ["currency"] = terms.FeeType,
                ["payer_currency"] = terms.FeeType,
            };
        }

        return json;
    }

    /// <summary>RFC 3339 in Beijing time, as WeChat writes it.</summary>
    public static string ToWire(DateTimeOffset instant)
        => instant.ToOffset(BeijingTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
