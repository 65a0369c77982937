namespace Gateway.Management;

/// <summary>Authorization policy names of the admin API.</summary>
internal static class AdminPolicies
{
    /// <summary>Authenticated by the admin key scheme, never by a payment API key.</summary>
    public const string Admin = "GatewayAdmin";
}
