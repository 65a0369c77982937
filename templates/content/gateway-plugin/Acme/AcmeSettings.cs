using Microsoft.Extensions.Configuration;

namespace Acme;

/// <summary>One Acme account: <c>Gateway:Providers:{instance}:Settings</c>.</summary>
/// <param name="MerchantId">The merchant id Acme knows the account by; every notify must carry it.</param>
/// <param name="Secret">The HMAC-SHA256 key notifies are signed with. Never logged.</param>
internal sealed record AcmeSettings(string MerchantId, byte[] Secret)
{
    /// <summary>Reads the settings, adding one message per problem that names the key (never the value).</summary>
    public static AcmeSettings Bind(IConfiguration settings, ICollection<string> errors)
    {
        var merchantId = settings["MerchantId"] ?? "";
        var secret = settings["Secret"] ?? "";
        if (merchantId.Length == 0)
        {
            errors.Add("MerchantId is required.");
        }

        if (secret.Length < 16)
        {
            errors.Add("Secret is required and must be at least 16 characters.");
        }

        return new AcmeSettings(merchantId, System.Text.Encoding.UTF8.GetBytes(secret));
    }
}
