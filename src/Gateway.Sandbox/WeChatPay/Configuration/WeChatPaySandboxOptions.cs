namespace Gateway.Sandbox.WeChatPay.Configuration;

/// <summary>
/// Settings of the simulated WeChat Pay v2 provider, bound from the sandbox section's <c>WeChatPay</c> child.
/// </summary>
public sealed class WeChatPaySandboxOptions
{
    /// <summary>The configuration key of this section below the sandbox section.</summary>
    public const string SectionName = "WeChatPay";

    /// <summary>
    /// WeChat's own notify schedule: the first attempt is immediate, then one retry after each delay
    /// (15 attempts over about 24 h). REF: docs/protocols.md §B6.
    /// </summary>
    public static IReadOnlyList<TimeSpan> DefaultNotifyRetrySchedule { get; } =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20),
        TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30),
        TimeSpan.FromMinutes(60), TimeSpan.FromHours(3), TimeSpan.FromHours(3),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(6),
    ];

    /// <summary>The merchant accounts the sandbox knows; any other <c>mch_id</c> gets MCHID_NOT_EXIST.</summary>
    public List<WeChatPaySandboxMerchantOptions> Merchants { get; set; } = [];

    /// <summary>
    /// Delays between notify attempts. Left null here because the configuration binder appends to a
    /// pre-filled list instead of replacing it; <see cref="DefaultNotifyRetrySchedule"/> is applied after binding.
    /// </summary>
    public List<TimeSpan>? NotifyRetrySchedule { get; set; }

    /// <summary>How long the sandbox waits for the merchant's notify reply (WeChat documents 2–5 s).</summary>
    public TimeSpan NotifyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a <c>code_url</c> and a <c>prepay_id</c> can be paid (WeChat: 2 hours).</summary>
    public TimeSpan CodeUrlLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// APIv3: WeChat Pay's own private key (PEM) that signs replies and notifies, in both modes (its public key is
    /// the merchant's <c>pub_key.pem</c>, and the sandbox's platform certificate is made from it). Generated at
    /// start-up when empty.
    /// </summary>
    public string? V3PlatformPrivateKey { get; set; }

    /// <summary>APIv3: the id of WeChat Pay's public key (<c>PUB_KEY_ID_…</c>) named in public-key mode.</summary>
    public string V3PublicKeyId { get; set; } = "PUB_KEY_ID_0119000001092026000000000000000001";

    /// <summary>How long an accepted refund stays PROCESSING before it succeeds by itself (unless an ops action ends it first).</summary>
    public TimeSpan RefundProcessingTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The mutual-TLS listener of <c>secapi/*</c> (refunds): its port, server certificate and the CA of the merchants' client certificates.</summary>
    public SecureApiOptions SecureApi { get; set; } = new();
}

/// <summary>
/// The sandbox's <c>secapi</c> TLS endpoint: a loopback HTTPS port asking for client certificates. A request is
/// accepted only with a certificate issued by <see cref="ClientCaCertificateBase64"/> to the request's mch_id.
/// Test mode generates all of it at start-up; nothing here is committed.
/// </summary>
public sealed class SecureApiOptions
{
    /// <summary>The loopback port; 0 leaves the listener off (every secapi call is then refused for lack of a certificate).</summary>
    public int Port { get; set; }

    /// <summary>The server certificate and key, PKCS#12 in Base64, with <see cref="ServerCertificatePassword"/>.</summary>
    public string? ServerCertificateBase64 { get; set; }

    /// <summary>The password of <see cref="ServerCertificateBase64"/>.</summary>
    public string? ServerCertificatePassword { get; set; }

    /// <summary>The CA that issues merchants' API client certificates (DER, Base64).</summary>
    public string? ClientCaCertificateBase64 { get; set; }
}
