using Gateway.WeChatPay.Bills;

namespace Gateway.WeChatPay.Models;

/// <summary>What <c>pay/downloadbill</c> answered: the bill, or WeChat's unsigned FAIL envelope.</summary>
public sealed class DownloadBillResponse : WeChatPayResponse
{
    private DownloadBillResponse(IReadOnlyDictionary<string, string> fields, TradeBill? bill)
        : base(fields)
    {
        Bill = bill;
    }

    /// <summary>The bill; null when WeChat answered an error.</summary>
    public TradeBill? Bill { get; }

    /// <summary><c>error_code</c> (not <c>err_code</c>: this API's own name), e.g. <c>20002</c>.</summary>
    public string? ErrorCode => Get("error_code");

    /// <summary>True when WeChat says there is no bill for the day (no trades): <c>No Bill Exist</c>, any case.</summary>
    public bool IsNoBill => Bill is null && string.Equals(ReturnMsg, "No Bill Exist", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the bill is still being generated (ready after 10:00 Beijing time).</summary>
    public bool IsBillCreating => Bill is null && string.Equals(ReturnMsg, "Bill Creating", StringComparison.OrdinalIgnoreCase);

    internal static DownloadBillResponse Succeeded(TradeBill bill) => new(new Dictionary<string, string>
    {
        ["return_code"] = WeChatPayCodes.Success,
        ["result_code"] = WeChatPayCodes.Success,
    }, bill);

    internal static DownloadBillResponse Failed(IReadOnlyDictionary<string, string> fields) => new(fields, null);
}
