using System.Security.Cryptography;
using Gateway.Sandbox.WeChatPay.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPayV3.Configuration;

/// <summary>
/// Checks the APIv3 settings of the WeChat Pay sandbox section (beside the v2 validator), every problem named by
/// its key: a merchant with an <c>ApiV3Key</c> needs its certificate serial and public key, and a valid mode.
/// </summary>
internal sealed class WeChatPayV3SandboxOptionsValidator(string sectionPath) : IValidateOptions<WeChatPaySandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatPaySandboxOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.V3PlatformPrivateKey) && !IsKey(options.V3PlatformPrivateKey))
        {
            errors.Add($"{Key(nameof(options.V3PlatformPrivateKey))} must be an RSA private key (PEM).");
        }

        if (!options.V3PublicKeyId.StartsWith("PUB_KEY_ID_", StringComparison.Ordinal))
        {
            errors.Add($"{Key(nameof(options.V3PublicKeyId))} must start with PUB_KEY_ID_.");
        }

        for (var i = 0; i < options.Merchants.Count; i++)
        {
            var merchant = options.Merchants[i];
            var prefix = Key($"{nameof(options.Merchants)}:{i}");
            if (string.IsNullOrEmpty(merchant.ApiV3Key))
            {
                continue;
            }

            if (merchant.ApiV3Key.Length != 32)
            {
                errors.Add($"{prefix}:{nameof(merchant.ApiV3Key)} must be 32 characters.");
            }

            if (string.IsNullOrWhiteSpace(merchant.MerchantSerialNo))
            {
                errors.Add($"{prefix}:{nameof(merchant.MerchantSerialNo)} is required with an ApiV3Key.");
            }

            if (!IsKey(merchant.MerchantPublicKey))
            {
                errors.Add($"{prefix}:{nameof(merchant.MerchantPublicKey)} must be the merchant's RSA public key (PEM).");
            }

            if (merchant.V3SignatureMode is not (null or "" or "PublicKey" or "Certificate"))
            {
                errors.Add($"{prefix}:{nameof(merchant.V3SignatureMode)} must be PublicKey or Certificate.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsKey(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return false;
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    private string Key(string relative) => string.IsNullOrEmpty(sectionPath) ? relative : $"{sectionPath}:{relative}";
}
