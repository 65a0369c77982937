using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.PaysApi.Configuration;

/// <summary>Reports every problem of the section at once, each naming its key and never a token.</summary>
internal sealed class PaysApiSandboxOptionsValidator(string sectionPath) : IValidateOptions<PaysApiSandboxOptions>
{
    private const int MaxUidLength = 24;

    public ValidateOptionsResult Validate(string? name, PaysApiSandboxOptions options)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Merchants.Count; i++)
        {
            var merchant = options.Merchants[i];
            var prefix = Key($"{nameof(options.Merchants)}:{i}");
            if (string.IsNullOrWhiteSpace(merchant.Uid) || merchant.Uid.Length > MaxUidLength)
            {
                errors.Add($"{prefix}:{nameof(merchant.Uid)} is required, at most {MaxUidLength} characters.");
            }
            else if (!seen.Add(merchant.Uid))
            {
                errors.Add($"{prefix}:{nameof(merchant.Uid)} '{merchant.Uid}' is configured twice.");
            }

            if (string.IsNullOrWhiteSpace(merchant.Token))
            {
                errors.Add($"{prefix}:{nameof(merchant.Token)} is required.");
            }
        }

        var schedule = options.NotifyRetrySchedule ?? [];
        for (var i = 0; i < schedule.Count; i++)
        {
            if (schedule[i] <= TimeSpan.Zero)
            {
                errors.Add($"{Key($"{nameof(options.NotifyRetrySchedule)}:{i}")} must be a positive time span.");
            }
        }

        if (options.NotifyTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{Key(nameof(options.NotifyTimeout))} must be a positive time span.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private string Key(string relative) => string.IsNullOrEmpty(sectionPath) ? relative : $"{sectionPath}:{relative}";
}
