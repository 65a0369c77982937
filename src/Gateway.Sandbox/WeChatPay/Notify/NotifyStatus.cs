namespace Gateway.Sandbox.WeChatPay.Notify;

/// <summary>Where an order's payment notify stands.</summary>
internal enum NotifyStatus
{
    /// <summary>The order is not paid, so there is nothing to send.</summary>
    NotSent,

    /// <summary>Queued or between retries.</summary>
    Pending,

    /// <summary>The merchant answered <c>return_code=SUCCESS</c>.</summary>
    Delivered,

    /// <summary>Every attempt of the retry schedule failed; WeChat stops there too.</summary>
    GaveUp,
}
