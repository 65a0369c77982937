using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Statements;
using Gateway.WeChatPay.Models;

namespace Gateway.Plugins.WeChat.Common;

/// <summary>The day's bill (<c>pay/downloadbill</c>, ALL, gzip): every WeChat v2 account can reconcile.</summary>
internal abstract partial class WeChatPayInstance : IStatementProvider
{
    public async Task<ProviderResult<ProviderStatement>> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var call = await CallAsync("downloadbill", "-", () => Client.DownloadBillAsync(day, "ALL", gzip: true, cancellationToken)).ConfigureAwait(false);
        if (call.Reply is DownloadBillResponse { IsNoBill: true } none)
        {
            // "No successful trades that day, so no bill": an empty day, not a failure (docs/protocols.md G1.2).
            return ProviderResult<ProviderStatement>.Success(new ProviderStatement(day, NoBill: true, none.ReturnMsg));
        }

        if (!call.Ok)
        {
            var reply = call.Reply as DownloadBillResponse;
            return reply is null ? call.Error : new ProviderError(
                reply.IsBillCreating || IsTransient(reply.ReturnMsg) ? ProviderErrorKind.Transient : ProviderErrorKind.Rejected,
                reply.ErrorCode ?? reply.ReturnMsg ?? "FAIL", reply.ReturnMsg ?? "downloadbill failed");
        }

        return ProviderResult<ProviderStatement>.Success(Shared.TradeBillStatement.From(day, call.Reply.Bill!));
    }

    // The official table's "try again" rows: SYSTEMERROR and the gzip failures on WeChat's side.
    private static bool IsTransient(string? returnMsg)
        => returnMsg is not null && (returnMsg.Contains("SYSTEMERROR", StringComparison.OrdinalIgnoreCase)
            || returnMsg.Contains("GZip Error", StringComparison.OrdinalIgnoreCase) || returnMsg.Contains("system error", StringComparison.OrdinalIgnoreCase));
}
