using Gateway.Abstractions.Refunds;

namespace Gateway.Plugins.WeChatPayV3;

/// <summary>v3 refund <c>status</c> (reply, query) and <c>refund_status</c> (notify). REF: docs/protocols.md §G3.d.</summary>
internal static class RefundStates
{
    public const string Processing = "PROCESSING";

    // SUCCESS: the money went back. CLOSED: closed without it. ABNORMAL: the bank refund failed and a person must finish it
    // in the merchant platform; the money did not go back, so it is failed here (as v2's CHANGE).
    public static RefundState ToState(string status) => status switch
    {
        "SUCCESS" => RefundState.Succeeded,
        "CLOSED" or "ABNORMAL" => RefundState.Failed,
        _ => RefundState.Processing,
    };

    /// <summary>The <c>refund_status</c> a <c>REFUND.*</c> event carries; null for an event that is no refund ending.</summary>
    public static string? StatusOf(string? eventType) => eventType switch
    {
        "REFUND.SUCCESS" => "SUCCESS",
        "REFUND.ABNORMAL" => "ABNORMAL",
        "REFUND.CLOSED" => "CLOSED",
        _ => null,
    };
}
