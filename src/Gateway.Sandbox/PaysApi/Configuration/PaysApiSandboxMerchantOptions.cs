namespace Gateway.Sandbox.PaysApi.Configuration;

/// <summary>One simulated PaysAPI account: its <c>uid</c> and the dashboard <c>token</c> that keys every MD5.</summary>
public sealed class PaysApiSandboxMerchantOptions
{
    /// <summary>The merchant <c>uid</c> (string(24)).</summary>
    public string Uid { get; set; } = "";

    /// <summary>The secret token. Never logged, never shown in a view or page.</summary>
    public string Token { get; set; } = "";
}
