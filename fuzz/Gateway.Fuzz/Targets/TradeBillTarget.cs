using System.Text;
using Gateway.WeChatPay.Bills;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// The statement parser (v2 <c>pay/downloadbill</c> and the APIv3 trade bill file, plain or gzip): a bill, or
/// <see cref="TradeBillFormatException"/> (or a UTF-8 decoding refusal); a bill it accepts has every line's keys.
/// </summary>
internal static class TradeBillTarget
{
    private const int MaxBytes = 1024 * 1024;

    public static void Run(ReadOnlyMemory<byte> input)
    {
        TradeBill bill;
        try
        {
            bill = TradeBillParser.Parse(input.Span, MaxBytes);
        }
        catch (Exception ex) when (ex is TradeBillFormatException or DecoderFallbackException)
        {
            return;
        }

        if (bill.Summary.TradeCount < 0
            || bill.Rows.Any(r => r.OutTradeNo.Length == 0 || r.TransactionId.Length == 0 || r.TradeState.Length == 0
                || (r.OutRefundNo is null && (r.RefundId is not null || r.RefundStatus is not null))))
        {
            throw new InvariantBrokenException("An accepted bill has a line without its keys.");
        }
    }
}
