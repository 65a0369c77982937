using System.Data.Common;
using System.Globalization;
using Gateway.Store;

namespace Gateway.Reconciliation;

internal sealed partial class ReconciliationStore
{
    private static ReconciliationRun ReadRun(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        ProviderInstance = r.GetString(1),
        BillDate = DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        TriggeredBy = r.GetString(3),
        Status = r.GetString(4),
        ProviderMessage = r.NullableString(5),
        Error = r.NullableString(6),
        NextAttemptAt = r.IsDBNull(7) ? null : r.Time(7),
        StatementCount = Long(r, 8),
        StatementAmount = Long(r, 9),
        StatementRefundAmount = Long(r, 10),
        SummaryCount = Long(r, 11),
        SummaryAmount = Long(r, 12),
        SummaryRefundAmount = Long(r, 13),
        GatewayCount = Long(r, 14),
        GatewayAmount = Long(r, 15),
        TotalsMatch = Long(r, 16) is { } m ? m != 0 : null,
        StartedAt = r.Time(17),
        FinishedAt = r.IsDBNull(18) ? null : r.Time(18),
        GatewayRefundAmount = Long(r, 19),
    };

    private static Discrepancy ReadDiscrepancy(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        RunId = r.GetString(1),
        Kind = r.GetString(2),
        Status = r.GetString(3),
        PaymentId = r.NullableString(4),
        RefundId = r.NullableString(5),
        ProviderTransactionId = r.NullableString(6),
        ProviderAmount = Long(r, 7),
        GatewayAmount = Long(r, 8),
        ProviderState = r.NullableString(9),
        GatewayState = r.NullableString(10),
        Detail = r.GetString(11),
        CreatedAt = r.Time(12),
    };

    private static long? Long(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);
}
