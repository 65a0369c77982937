using System.Globalization;
using System.Text;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Refunds;

namespace Gateway.Sandbox.WeChatPay.Bills;

/// <summary>
/// Writes a transaction bill exactly as WeChat lays it out (docs/protocols.md G1.3), v2 and APIv3 alike: the
/// 27-column ALL header (20 columns for SUCCESS, 29 for REFUND, which adds 退款申请时间 and 退款成功时间), one line per
/// paid order and per refund with a back-tick before every field, amounts in yuan, the fee at the sandbox's 0.60%
/// rate with five decimals, then the 7-column summary. A refund line keeps its order's columns (交易时间 is the
/// payment's time, 交易状态 <c>REFUND</c>, 应结订单金额 and 订单金额 <c>0.00</c>). Lines end in <c>\r\n</c>, as a real v2 reply.
/// </summary>
internal static class TradeBillWriter
{
    public const string FeeRate = "0.60%";

    private static readonly string[] Order =
        ["交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识", "交易类型", "交易状态", "付款银行", "货币种类", "应结订单金额", "代金券金额"];

    private static readonly string[] RefundTimes = ["退款申请时间", "退款成功时间"];

    private static readonly string[] Refund = ["微信退款单号", "商户退款单号", "退款金额", "充值券退款金额", "退款类型", "退款状态"];

    private static readonly string[] Tail = ["商品名称", "商户数据包", "手续费", "费率", "订单金额"];

    private const string SummaryHeader = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    /// <summary>The bill of <paramref name="billType"/> (<c>ALL</c>, <c>SUCCESS</c> or <c>REFUND</c>).</summary>
    public static string Write(IReadOnlyList<OrderSnapshot> paid, IReadOnlyList<(OrderSnapshot Order, SandboxRefund Refund)> refunds, string billType)
    {
        var text = new StringBuilder();
        string[] header = billType switch
        {
            "SUCCESS" => [.. Order, .. Tail, "费率备注"],
            "REFUND" => [.. Order, .. RefundTimes, .. Refund, .. Tail, "申请退款金额", "费率备注"],
            _ => [.. Order, .. Refund, .. Tail, "申请退款金额", "费率备注"],
        };
        Line(text, header, tick: false);
        var lines = 0;
        decimal fees = 0;
        long settled = 0, refunded = 0;
        foreach (var order in billType == "REFUND" ? [] : paid)
        {
            var t = order.Terms;
            var fee = Math.Round(t.TotalFee * 0.006m / 100m, 5, MidpointRounding.AwayFromZero);
            var amount = Yuan(t.TotalFee);
            string[] middle = billType == "SUCCESS" ? [] : ["0", "0", "0.00", "0.00", "", ""];
            string[] end = billType == "SUCCESS" ? [""] : ["0.00", ""];
            Line(text, [.. Head(order, "SUCCESS", amount), .. middle, t.Body, t.Attach ?? "", Fee(fee), FeeRate, amount, .. end]);
            (lines, fees, settled) = (lines + 1, fees + fee, settled + t.TotalFee);
        }

        foreach (var (order, refund) in billType == "SUCCESS" ? [] : refunds)
        {
            var (status, succeededAt) = refund.State;
            string[] times = billType == "REFUND" ? [Time(refund.CreatedAt), succeededAt is { } at ? Time(at) : ""] : [];
            var amount = Yuan(refund.RefundFee);
            Line(text, [.. Head(order, "REFUND", "0.00"), .. times, refund.RefundId, refund.OutRefundNo, amount, "0.00", "ORIGINAL", status,
                order.Terms.Body, order.Terms.Attach ?? "", Fee(0), FeeRate, "0.00", amount, ""]);
            (lines, refunded) = (lines + 1, refunded + refund.RefundFee);
        }

        Line(text, SummaryHeader.Split(','), tick: false);
        Line(text, [lines.ToString(CultureInfo.InvariantCulture), Yuan(settled), Yuan(refunded), "0.00", Fee(fees), Yuan(settled), Yuan(refunded)]);
        return text.ToString();
    }

    private static string[] Head(OrderSnapshot order, string tradeState, string settlement)
    {
        var (t, p) = (order.Terms, order.Payment!);
        return [Time(p.PaidAt), t.AppId, t.MchId, "0", t.DeviceInfo ?? "", p.TransactionId, t.OutTradeNo, p.OpenId, t.TradeType, tradeState,
            p.BankType, t.FeeType, settlement, "0.00"];
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields, bool tick = true)
        => text.Append(string.Join(',', tick ? fields.Select(v => "`" + v) : fields)).Append("\r\n");

    private static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Fee(decimal yuan) => yuan.ToString("0.00000", CultureInfo.InvariantCulture);
}
