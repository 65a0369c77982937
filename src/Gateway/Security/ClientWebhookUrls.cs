using Gateway.Configuration;

namespace Gateway.Security;

/// <summary>
/// The create-time check of a <c>notifyUrl</c> a client sends: the client must have a webhook secret
/// (webhooks are always signed) and the URL must pass the <see cref="OutboundUrlPolicy"/>.
/// </summary>
internal sealed class ClientWebhookUrls(GatewaySnapshotProvider snapshots, OutboundUrlPolicy policy)
{
    /// <summary>Adds a <c>notifyUrl</c> error to <paramref name="errors"/> when the URL is refused for <paramref name="clientId"/>.</summary>
    public void Check(string clientId, string? notifyUrl, Dictionary<string, string[]> errors)
    {
        if (notifyUrl is null || errors.ContainsKey("notifyUrl"))
        {
            return;
        }

        var client = snapshots.Current.Clients.GetValueOrDefault(clientId);
        var problem = client is not { WebhookSecrets.Count: > 0 }
            ? $"this client has no webhook secret (Gateway:Clients:{clientId}:WebhookSecrets), so it cannot receive webhooks."
            : policy.Refusal(notifyUrl, client);
        if (problem is not null)
        {
            errors["notifyUrl"] = [problem];
        }
    }
}
