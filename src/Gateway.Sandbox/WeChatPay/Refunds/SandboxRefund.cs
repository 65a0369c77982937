namespace Gateway.Sandbox.WeChatPay.Refunds;

/// <summary>One refund of a sandbox order: PROCESSING until it succeeds by itself or an ops action ends it.</summary>
internal sealed class SandboxRefund(string outRefundNo, string refundId, long refundFee, long totalFee, string? notifyUrl, DateTimeOffset createdAt, bool isV3 = false)
{
    private readonly Lock _lock = new();
    private string _status = RefundStatuses.Processing;
    private DateTimeOffset? _succeededAt;

    public string OutRefundNo { get; } = outRefundNo;

    public string RefundId { get; } = refundId;

    public long RefundFee { get; } = refundFee;

    public long TotalFee { get; } = totalFee;

    public string? NotifyUrl { get; } = notifyUrl;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Asked for through APIv3: its notify is the signed, encrypted <c>REFUND.*</c> event, not v2's XML.</summary>
    public bool IsV3 { get; } = isV3;

    public (string Status, DateTimeOffset? SucceededAt) State
    {
        get
        {
            lock (_lock)
            {
                return (_status, _succeededAt);
            }
        }
    }

    /// <summary>Ends a PROCESSING refund with <paramref name="status"/>; false when it had already ended.</summary>
    public bool TryEnd(string status, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_status != RefundStatuses.Processing)
            {
                return false;
            }

            _status = status;
            _succeededAt = status == RefundStatuses.Success ? now : null;
            return true;
        }
    }
}

/// <summary>WeChat's <c>refund_status</c> values (docs/protocols.md §B5).</summary>
internal static class RefundStatuses
{
    public const string Processing = "PROCESSING";
    public const string Success = "SUCCESS";
    public const string Change = "CHANGE";
    public const string RefundClose = "REFUNDCLOSE";
}
