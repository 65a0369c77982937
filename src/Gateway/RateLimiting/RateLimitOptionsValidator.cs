using Microsoft.Extensions.Options;

namespace Gateway.RateLimiting;

/// <summary>Reports every invalid limit at start-up, each by its configuration path.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        Check("Default", options.Default, errors);
        Check("Notify", options.Notify, errors);
        Check("NotifyUnverifiedPerIp", options.NotifyUnverifiedPerIp, errors);
        Check("PluginsPerIp", options.PluginsPerIp, errors);
        Check("PluginsPerInstance", options.PluginsPerInstance, errors);
        foreach (var (client, limit) in options.Clients)
        {
            Check($"Clients:{client}", limit, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string path, TokenBucketLimit limit, List<string> errors)
    {
        if (!limit.IsValid)
        {
            errors.Add($"{RateLimitOptions.SectionName}:{path}: PermitsPerSecond and Burst must both be positive integers.");
        }
    }
}
