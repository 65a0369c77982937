using System.Text;
using Gateway.WeChatPay.Bills;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// The v2 transaction bill (<c>pay/downloadbill</c>, CSV with back-ticks, maybe gzip): a bill, or one of the
/// exceptions <c>WeChatPayClient.DownloadBillAsync</c> turns into an invalid-reply error.
/// </summary>
internal static class TradeBillTarget
{
    // Small, so a fuzzer-made gzip bomb is refused fast; the client's own limit is 64 MiB.
    private const int MaxBytes = 1 << 20;

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

        if (bill.Rows.Any(r => r.OutTradeNo.Length == 0 || r.TransactionId.Length == 0 || r.TradeState.Length == 0))
        {
            throw new InvariantBrokenException("A bill line without its order, transaction or state was accepted.");
        }
    }
}
