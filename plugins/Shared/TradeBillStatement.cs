using Gateway.Abstractions.Statements;
using Gateway.WeChatPay.Bills;

namespace Gateway.Plugins.Shared;

/// <summary>
/// A WeChat trade bill (the same back-tick CSV from v2 <c>pay/downloadbill</c> and v3 <c>/v3/bill/tradebill</c>) as the
/// host's statement. Compiled into each WeChat plugin (a linked source file), so no plugin depends on another.
/// </summary>
internal static class TradeBillStatement
{
    public static ProviderStatement From(DateOnly day, TradeBill bill) => new(day, NoBill: false)
    {
        Lines = bill.Rows.Select(r => new StatementLine(r.OutTradeNo, r.TransactionId, r.TradeState, r.TradeTime)
        {
            OrderAmount = r.OrderFee,
            SettlementAmount = r.SettlementFee,
            OutRefundNo = r.OutRefundNo,
            RefundAmount = r.RefundFee,
            RefundState = r.RefundStatus,
        }).ToList(),
        Summary = new StatementSummary(bill.Summary.TradeCount, bill.Summary.SettlementTotal, bill.Summary.RefundTotal),
    };
}
