using Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Bulkheads;

/// <summary>
/// Checks every instance's <c>Bulkhead</c> section at start-up, reporting all problems at once. Hooked on
/// <see cref="GatewayOptions"/> because the instance names are only known from configuration.
/// </summary>
internal sealed class BulkheadOptionsValidator : IValidateOptions<GatewayOptions>
{
    private readonly IConfiguration _configuration;

    public BulkheadOptionsValidator(IConfiguration configuration)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
    }

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new List<string>();
        foreach (var provider in _configuration.GetSection("Gateway:Providers").GetChildren())
        {
            var section = provider.GetSection("Bulkhead");
            if (!section.Exists())
            {
                continue;
            }

            try
            {
                errors.AddRange((section.Get<BulkheadOptions>() ?? new BulkheadOptions()).Errors(provider.Key));
            }
            catch (InvalidOperationException)
            {
                errors.Add($"{BulkheadOptions.SectionFor(provider.Key)}: MaxConcurrency and MaxQueue must be integers, TimeoutSeconds a number.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
