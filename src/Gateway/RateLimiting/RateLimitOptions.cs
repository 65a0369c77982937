namespace Gateway.RateLimiting;

/// <summary>
/// The <c>Gateway:RateLimits</c> section: a token bucket per API client on <c>/v1</c> (the default, or the
/// client's own under <c>Clients:{clientId}</c>) and one per provider instance on <c>/notify</c>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The section name.</summary>
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>Applies to every client without its own entry (and to unauthenticated callers, per IP).</summary>
    public TokenBucketLimit Default { get; set; } = new() { PermitsPerSecond = 50, Burst = 100 };

    /// <summary>Per-client overrides, keyed by client id.</summary>
    public Dictionary<string, TokenBucketLimit> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Verified provider callbacks, per instance. Generous: providers retry, but a refused notify only delays the
    /// outcome. Notifies that fail verification never spend from it.
    /// </summary>
    public TokenBucketLimit Notify { get; set; } = new() { PermitsPerSecond = 200, Burst = 400 };

    /// <summary>Notifies that failed verification (forged, malformed), per source IP: a flood is cut off at its source.</summary>
    public TokenBucketLimit NotifyUnverifiedPerIp { get; set; } = new() { PermitsPerSecond = 5, Burst = 20 };

    /// <summary>
    /// Plugin routes (<c>/p/{instance}/…</c>: logins, OAuth, payer pages), per caller IP. They are anonymous and
    /// some call the provider (a mini-program login is one <c>jscode2session</c>), so each IP gets a small bucket.
    /// </summary>
    public TokenBucketLimit PluginsPerIp { get; set; } = new() { PermitsPerSecond = 10, Burst = 30 };

    /// <summary>Plugin routes, per provider instance, whatever the IP: caps what reaches the provider in all.</summary>
    public TokenBucketLimit PluginsPerInstance { get; set; } = new() { PermitsPerSecond = 100, Burst = 200 };

    /// <summary>The limit for <paramref name="clientId"/>.</summary>
    public TokenBucketLimit For(string clientId) => Clients.TryGetValue(clientId, out var own) ? own : Default;
}

/// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled at <see cref="PermitsPerSecond"/>.</summary>
public sealed class TokenBucketLimit
{
    /// <summary>Sustained rate.</summary>
    public int PermitsPerSecond { get; set; }

    /// <summary>Bucket size; at least <see cref="PermitsPerSecond"/> is sensible.</summary>
    public int Burst { get; set; }

    internal bool IsValid => PermitsPerSecond > 0 && Burst > 0;
}
