using Gateway.Sandbox.PaysApi.Configuration;
using Gateway.Sandbox.WeChatPay.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.Faults;

/// <summary>Validates the configured faults at start, each error naming its <c>Faults:N</c> key below the sandbox section.</summary>
internal sealed class SandboxFaultsOptionsValidator(
    IOptions<WeChatPaySandboxOptions> weChat, IOptions<PaysApiSandboxOptions> paysApi) : IValidateOptions<SandboxFaultsOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxFaultsOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Faults.Count; i++)
        {
            errors.AddRange(SandboxFaultValidator.Validate(
                options.Faults[i],
                m => weChat.Value.Merchants.Any(w => w.MchId == m),
                m => paysApi.Value.Merchants.Any(p => p.Uid == m),
                $"Faults:{i}: "));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
