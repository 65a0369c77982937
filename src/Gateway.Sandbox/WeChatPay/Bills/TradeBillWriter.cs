using System.Globalization;
using System.Text;
using Gateway.Sandbox.WeChatPay.Orders;

namespace Gateway.Sandbox.WeChatPay.Bills;

/// <summary>
/// Writes a v2 transaction bill exactly as WeChat lays it out (docs/protocols.md G1.3): the 27-column ALL header
/// (20 columns for SUCCESS), one line per paid order with a back-tick before every field, amounts in yuan, the fee
/// at the sandbox's 0.60% rate with five decimals, then the 7-column summary. Lines end in <c>\r\n</c>, as a real v2 reply.
/// </summary>
internal static class TradeBillWriter
{
    public const string FeeRate = "0.60%";

    private static readonly string[] AllHeader =
    [
        "交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识", "交易类型", "交易状态", "付款银行", "货币种类",
        "应结订单金额", "代金券金额", "微信退款单号", "商户退款单号", "退款金额", "充值券退款金额", "退款类型", "退款状态", "商品名称", "商户数据包", "手续费",
        "费率", "订单金额", "申请退款金额", "费率备注",
    ];

    private static readonly string[] SuccessHeader =
    [
        "交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识", "交易类型", "交易状态", "付款银行", "货币种类",
        "应结订单金额", "代金券金额", "商品名称", "商户数据包", "手续费", "费率", "订单金额", "费率备注",
    ];

    private const string SummaryHeader = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    public static string Write(IReadOnlyList<OrderSnapshot> paid, bool successOnly)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', successOnly ? SuccessHeader : AllHeader)).Append("\r\n");
        decimal fees = 0;
        long total = 0;
        foreach (var order in paid)
        {
            var t = order.Terms;
            var p = order.Payment!;
            var amount = Yuan(t.TotalFee);
            var fee = Math.Round(t.TotalFee * 0.006m / 100m, 5, MidpointRounding.AwayFromZero);
            fees += fee;
            total += t.TotalFee;
            string[] head = [p.PaidAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), t.AppId, t.MchId, "0",
                t.DeviceInfo ?? "", p.TransactionId, t.OutTradeNo, p.OpenId, t.TradeType, "SUCCESS", p.BankType, t.FeeType, amount, "0.00"];
            string[] tail = successOnly
                ? [t.Body, t.Attach ?? "", Fee(fee), FeeRate, amount, ""]
                : ["0", "0", "0.00", "0.00", "", "", t.Body, t.Attach ?? "", Fee(fee), FeeRate, amount, "0.00", ""];
            text.Append(string.Join(',', head.Concat(tail).Select(v => "`" + v))).Append("\r\n");
        }

        text.Append(SummaryHeader).Append("\r\n");
        string[] summary = [paid.Count.ToString(CultureInfo.InvariantCulture), Yuan(total), "0.00", "0.00", Fee(fees), Yuan(total), "0.00"];
        text.Append(string.Join(',', summary.Select(v => "`" + v))).Append("\r\n");
        return text.ToString();
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Fee(decimal yuan) => yuan.ToString("0.00000", CultureInfo.InvariantCulture);
}
