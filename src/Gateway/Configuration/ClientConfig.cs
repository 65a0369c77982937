namespace Gateway.Configuration;

/// <summary>
/// An internal service allowed to call <c>/v1</c>, from <c>Gateway:Clients:{id}</c>. Only the SHA-256 of
/// its API key is configured, so configuration never holds a usable key.
/// </summary>
/// <param name="Id">The client id (the section name).</param>
/// <param name="ApiKeySha256">Lower-case hex SHA-256 of the API key.</param>
public sealed record ClientConfig(string Id, string ApiKeySha256)
{
    /// <summary>The merchant name the payer sees on the checkout page (the client id when unset).</summary>
    public string? DisplayName { get; init; }

    /// <summary>Where the client's webhook events go when a payment names no <c>notifyUrl</c>.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>
    /// The active webhook signing secrets (at most two, for rotation): every event is signed with each.
    /// </summary>
    public IReadOnlyList<string> WebhookSecrets { get; init; } = [];

    /// <summary>
    /// When not empty, the only host names (exact, case-insensitive) this client's webhook URLs and
    /// <c>notifyUrl</c>s may name.
    /// </summary>
    public IReadOnlyList<string> WebhookHosts { get; init; } = [];
}
