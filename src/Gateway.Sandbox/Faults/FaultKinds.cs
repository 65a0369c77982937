namespace Gateway.Sandbox.Faults;

/// <summary>The wire names of the faults, and which provider each belongs to.</summary>
public static class FaultKinds
{
    /// <summary>A WeChat API answers after <c>DelayMs</c>.</summary>
    public const string Latency = "latency";

    /// <summary>A WeChat API answers an HTTP 5xx (an HTML error page, as WeChat's edge does).</summary>
    public const string HttpError = "http_error";

    /// <summary>A WeChat API never answers: the request is held until the client gives up.</summary>
    public const string Timeout = "timeout";

    /// <summary>
    /// A WeChat API answers a signed <c>result_code=FAIL</c> with <c>ErrCode</c> (SYSTEMERROR, NOAUTH…) and does nothing;
    /// on APIv3, the signed v3 error of that code with its HTTP status (SYSTEM_ERROR 500, FREQUENCY_LIMITED 429…).
    /// </summary>
    public const string Error = "error";

    /// <summary>A paid order's notify is never sent (WeChat and PaysAPI).</summary>
    public const string NotifyDrop = "notify_drop";

    /// <summary>A paid order's notify starts after <c>DelayMs</c>.</summary>
    public const string NotifyDelay = "notify_delay";

    /// <summary>A paid order's notify is sent <c>Times</c> extra times at once (WeChat and PaysAPI).</summary>
    public const string NotifyDuplicate = "notify_duplicate";

    /// <summary>The payer's payment fails: the order ends PAYERROR and its notify says <c>result_code=FAIL</c>.</summary>
    public const string PayFail = "pay_fail";

    /// <summary>The payer is still paying (orderquery says USERPAYING) for <c>DelayMs</c>, then the payment succeeds.</summary>
    public const string UserPaying = "user_paying";

    /// <summary>PaysAPI's pay page (the order entry point) answers after <c>DelayMs</c>.</summary>
    public const string PageLatency = "page_latency";

    /// <summary>A PaysAPI payment's <c>realprice</c> differs from <c>price</c> by <c>DeltaFen</c>.</summary>
    public const string RealPrice = "realprice";

    internal static readonly IReadOnlySet<string> WeChatPay = new HashSet<string>(
        [Latency, HttpError, Timeout, Error, NotifyDrop, NotifyDelay, NotifyDuplicate, PayFail, UserPaying], StringComparer.Ordinal);

    internal static readonly IReadOnlySet<string> PaysApi = new HashSet<string>(
        [PageLatency, NotifyDrop, NotifyDuplicate, RealPrice], StringComparer.Ordinal);

    internal static readonly IReadOnlySet<string> ApiFaults = new HashSet<string>([Latency, HttpError, Timeout, Error], StringComparer.Ordinal);

    internal static readonly IReadOnlySet<string> WeChatApis = new HashSet<string>(["*", "unifiedorder", "orderquery", "closeorder", "refund", "refundquery", "certificates"], StringComparer.Ordinal);
}
