using System.Globalization;
using System.Text;

namespace Gateway.Reconciliation;

/// <summary>
/// A run's discrepancies as CSV (RFC 4180) for a spreadsheet. A value a spreadsheet would run as a formula
/// (starting with = + - @) is prefixed with a quote mark: provider text is not trusted.
/// </summary>
internal static class DiscrepancyCsv
{
    private const string Header = "id,run_id,instance,bill_date,kind,status,payment_id,refund_id,provider_transaction_id,provider_amount,gateway_amount,provider_state,gateway_state,detail,created_at";

    public static string Write(ReconciliationRun run, IReadOnlyList<Discrepancy> discrepancies)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var d in discrepancies)
        {
            string?[] values =
            [
                d.Id, d.RunId, run.ProviderInstance, run.BillDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Kind, d.Status, d.PaymentId,
                d.RefundId, d.ProviderTransactionId, d.ProviderAmount?.ToString(CultureInfo.InvariantCulture),
                d.GatewayAmount?.ToString(CultureInfo.InvariantCulture), d.ProviderState, d.GatewayState, d.Detail,
                d.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', values.Select(Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
