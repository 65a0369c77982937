namespace Gateway.Sandbox.Faults;

/// <summary>
/// One misbehaviour of the sandbox, for one sandbox merchant (WeChat Pay <c>mch_id</c> or PaysAPI <c>uid</c>), bound
/// from <c>Sandbox:Faults:N</c> or posted to <c>POST /sandbox/faults</c>. Every fault ends: after
/// <see cref="Count"/> uses, after <see cref="Seconds"/>, or whichever comes first when both are given.
/// </summary>
public sealed class SandboxFault
{
    /// <summary>The WeChat Pay <c>mch_id</c> or PaysAPI <c>uid</c> that misbehaves.</summary>
    public string Merchant { get; set; } = "";

    /// <summary>What goes wrong: one of <see cref="FaultKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>
    /// For API faults: <c>unifiedorder</c>, <c>orderquery</c>, <c>closeorder</c>, <c>refund</c>, <c>refundquery</c>,
    /// <c>certificates</c> (v3 only), or <c>*</c> (default) for every API. The names are v2's and cover the v3 operation
    /// of the same meaning (<c>unifiedorder</c> is <c>POST /v3/pay/transactions/{native|jsapi|h5}</c>).
    /// </summary>
    public string? Api { get; set; }

    /// <summary>How many calls, notifies or payments it affects before it ends.</summary>
    public int? Count { get; set; }

    /// <summary>How long it lasts, from when it was added.</summary>
    public double? Seconds { get; set; }

    /// <summary>The delay of <c>latency</c>, <c>notify_delay</c>, <c>page_latency</c>; how long <c>user_paying</c> lasts.</summary>
    public int? DelayMs { get; set; }

    /// <summary>The HTTP status of <c>http_error</c> (500–599, default 503).</summary>
    public int? Status { get; set; }

    /// <summary>The err_code of <c>error</c> (default SYSTEMERROR; on APIv3 its v3 code, e.g. SYSTEM_ERROR, FREQUENCY_LIMITED).</summary>
    public string? ErrCode { get; set; }

    /// <summary>How many extra copies <c>notify_duplicate</c> sends at once (default 5).</summary>
    public int? Times { get; set; }

    /// <summary>What <c>realprice</c> adds to the order's price, in fen (negative: the payer paid less).</summary>
    public int? DeltaFen { get; set; }
}

/// <summary>The configured faults, bound from the sandbox section's <c>Faults</c> list.</summary>
public sealed class SandboxFaultsOptions
{
    /// <summary>Faults active from start-up (their <see cref="SandboxFault.Seconds"/> count from then).</summary>
    public List<SandboxFault> Faults { get; set; } = [];
}
