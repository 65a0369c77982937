using System.Text;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Statements;
using Gateway.WeChatPay.Bills;

namespace Gateway.Plugins.WeChatPayV3;

/// <summary>
/// The day's statement: <c>[GET] /v3/bill/tradebill</c> (ALL, GZIP) for the download link and its SHA1, then the signed
/// download, checked against that hash, and parsed as the same back-tick CSV as v2. REF: docs/protocols.md §G3.h.
/// </summary>
internal sealed partial class WeChatPayV3Instance : IStatementProvider
{
    /// <summary>WeChat's answer for a day without trades: an empty day, not a failure.</summary>
    private const string NoStatement = "NO_STATEMENT_EXIST";

    /// <summary>The bill is still being generated (ready after 10:00 Beijing time the next day): try later.</summary>
    private const string StatementCreating = "STATEMENT_CREATING";

    public async Task<ProviderResult<ProviderStatement>> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var apply = await CallAsync("bill/tradebill", "-", () => _client.ApplyTradeBillAsync(day, "ALL", gzip: true, cancellationToken)).ConfigureAwait(false);
        switch (apply.Error)
        {
            case { Code: NoStatement } none:
                return ProviderResult<ProviderStatement>.Success(new ProviderStatement(day, NoBill: true, none.Message));
            case { Code: StatementCreating } creating:
                return creating with { Kind = ProviderErrorKind.Transient };
            case { } refused:
                return refused;
        }

        var file = await CallAsync("billdownload/file", "-", () => _client.DownloadBillAsync(apply.Value!, cancellationToken)).ConfigureAwait(false);
        if (file.Value is not { } bytes)
        {
            return file.Error!;
        }

        TradeBill bill;
        try
        {
            bill = TradeBillParser.Parse(bytes, _client.MaxBillBytes);
        }
        catch (Exception ex) when (ex is TradeBillFormatException or DecoderFallbackException)
        {
            return new ProviderError(ProviderErrorKind.Transient, "INVALID_BILL", "The bill does not have WeChat's layout: " + ex.Message);
        }

        return ProviderResult<ProviderStatement>.Success(Shared.TradeBillStatement.From(day, bill));
    }
}
