namespace Gateway.Configuration;

/// <summary>
/// What a gateway outside test mode must be given before it starts, checked from the raw configuration so
/// nothing falls back to a default that only suits a laptop: a client, an admin key (or the admin API
/// explicitly disabled), an https <c>PublicBaseUrl</c> (http only for loopback), an explicit store
/// connection string, a webhook secret for every client with a webhook URL, and the checkout link key (a generated
/// one would break every link on a restart and on the other processes). Every problem is listed.
/// </summary>
internal static class ProductionRequirements
{
    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        var gateway = configuration.GetSection(GatewayOptions.SectionName);
        var clients = gateway.GetSection("Clients").GetChildren().ToList();
        if (clients.Count == 0)
        {
            yield return "Gateway:Clients: at least one client is required (Gateway:Clients:{id}:ApiKeySha256).";
        }

        foreach (var client in clients.Where(c => !string.IsNullOrEmpty(c["WebhookUrl"]) && !c.GetSection("WebhookSecrets").GetChildren().Any()))
        {
            yield return $"Gateway:Clients:{client.Key}:WebhookSecrets: required with a WebhookUrl (webhooks are always signed).";
        }

        var adminDisabled = gateway.GetValue("Admin:Enabled", defaultValue: true) == false;
        if (string.IsNullOrEmpty(gateway["Admin:ApiKeySha256"]) && !adminDisabled)
        {
            yield return "Gateway:Admin:ApiKeySha256: required (the hex SHA-256 of the admin key), or set Gateway:Admin:Enabled=false.";
        }

        if (PublicBaseUrlProblem(gateway["PublicBaseUrl"]) is { } problem)
        {
            yield return "Gateway:PublicBaseUrl: " + problem;
        }

        if (string.IsNullOrWhiteSpace(gateway["Store:ConnectionString"]))
        {
            yield return "Gateway:Store:ConnectionString: required (with Gateway:Store:Provider Sqlite or PostgreSql).";
        }

        if (gateway["Checkout:TokenKey"] is not { Length: >= 32 })
        {
            yield return "Gateway:Checkout:TokenKey: required, at least 32 characters (the key that signs payers' checkout links; the same on every process).";
        }
    }

    private static string? PublicBaseUrlProblem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "required: the https URL providers and browsers reach this gateway at.";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return "must be an absolute https URL.";
        }

        return url.Scheme == "http" && !url.IsLoopback ? "must be https (http only for a loopback address)." : null;
    }
}
