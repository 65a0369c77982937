using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Configuration;

/// <summary>
/// Checks the whole section and reports every problem at once, each naming its configuration key,
/// so a broken sandbox config stops startup with one readable message.
/// </summary>
internal sealed class WeChatPaySandboxOptionsValidator(string sectionPath) : IValidateOptions<WeChatPaySandboxOptions>
{
    // Real v2 API keys are exactly 32 characters; a different length is a configuration mistake.
    private const int ApiKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, WeChatPaySandboxOptions options)
    {
        var errors = new List<string>();
        ValidateMerchants(options.Merchants, errors);
        ValidateSchedule(options.NotifyRetrySchedule, errors);
        if (options.NotifyTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{Key(nameof(options.NotifyTimeout))} must be a positive time span.");
        }

        if (options.CodeUrlLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{Key(nameof(options.CodeUrlLifetime))} must be a positive time span.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void ValidateMerchants(List<WeChatPaySandboxMerchantOptions> merchants, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < merchants.Count; i++)
        {
            var merchant = merchants[i];
            var prefix = Key($"{nameof(WeChatPaySandboxOptions.Merchants)}:{i}");
            if (string.IsNullOrWhiteSpace(merchant.MchId))
            {
                errors.Add($"{prefix}:{nameof(merchant.MchId)} is required.");
            }
            else if (!seen.Add(merchant.MchId))
            {
                errors.Add($"{prefix}:{nameof(merchant.MchId)} '{merchant.MchId}' is configured twice.");
            }

            if (merchant.ApiKey is not { Length: ApiKeyLength })
            {
                errors.Add($"{prefix}:{nameof(merchant.ApiKey)} must be the {ApiKeyLength}-character v2 API key.");
            }

            if (merchant.AppIds.Count == 0 || merchant.AppIds.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{prefix}:{nameof(merchant.AppIds)} must list at least one non-empty app id.");
            }

            if (!string.IsNullOrEmpty(merchant.ScanCallbackUrl)
                && (!Uri.TryCreate(merchant.ScanCallbackUrl, UriKind.Absolute, out var callback) || callback.Scheme is not ("http" or "https")))
            {
                errors.Add($"{prefix}:{nameof(merchant.ScanCallbackUrl)} must be an absolute http(s) URL.");
            }

            if (merchant.TradeTypes is { } tradeTypes && tradeTypes.Any(t => !Orders.TradeTypes.IsKnown(t)))
            {
                errors.Add($"{prefix}:{nameof(merchant.TradeTypes)} may list only JSAPI, NATIVE, APP and MWEB.");
            }
        }
    }

    private void ValidateSchedule(List<TimeSpan>? schedule, List<string> errors)
    {
        if (schedule is null)
        {
            return;
        }

        for (var i = 0; i < schedule.Count; i++)
        {
            if (schedule[i] <= TimeSpan.Zero)
            {
                errors.Add($"{Key($"{nameof(WeChatPaySandboxOptions.NotifyRetrySchedule)}:{i}")} must be a positive time span.");
            }
        }
    }

    private string Key(string relative) =>
        string.IsNullOrEmpty(sectionPath) ? relative : $"{sectionPath}:{relative}";
}
