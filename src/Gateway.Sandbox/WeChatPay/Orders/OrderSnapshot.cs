using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Notify;

namespace Gateway.Sandbox.WeChatPay.Orders;

/// <summary>A consistent, immutable copy of an order, taken under its lock, for replies and views.</summary>
internal sealed record OrderSnapshot(
    OrderTerms Terms,
    OrderState State,
    string PrepayId,
    string? CodeUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset PaymentCodeExpiresAt,
    DateTimeOffset? ClosedAt,
    PaymentRecord? Payment,
    NotifyStatus NotifyStatus,
    IReadOnlyList<NotifyAttempt> NotifyAttempts);
