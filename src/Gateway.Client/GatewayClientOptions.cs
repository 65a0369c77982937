namespace Gateway.Client;

/// <summary>Where the gateway is and how to authenticate (<c>services.AddGatewayClient(o => …)</c>).</summary>
public sealed class GatewayClientOptions
{
    /// <summary>The gateway's base address, e.g. <c>https://pay.internal.example</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The client's API key, sent as <c>Authorization: Bearer …</c>. Keep it in a secret store.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>How many times a safe request is retried after a transient failure. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Time for one attempt. Default 30 s (creating a payment waits for the provider).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time for a whole call, retries included. Default 2 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    internal IEnumerable<string> Errors()
    {
        if (BaseAddress is not { IsAbsoluteUri: true } || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            yield return "GatewayClient:BaseAddress must be an absolute http(s) URL.";
        }

        if (string.IsNullOrWhiteSpace(ApiKey) || ApiKey.Any(char.IsControl))
        {
            yield return "GatewayClient:ApiKey is required.";
        }

        if (MaxRetries is < 0 or > 10)
        {
            yield return "GatewayClient:MaxRetries must be 0 to 10.";
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
        {
            yield return "GatewayClient:AttemptTimeout must be positive and TotalTimeout at least as long.";
        }
    }
}
