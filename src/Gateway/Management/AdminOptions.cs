namespace Gateway.Management;

/// <summary>
/// The <c>Gateway:Admin</c> section. Ops credentials are separate from the payment API keys: only the
/// SHA-256 of the admin key is configured, and with none configured the admin API refuses everyone.
/// </summary>
public sealed class AdminOptions
{
    /// <summary>The section name.</summary>
    public const string SectionName = "Gateway:Admin";

    /// <summary>Lower-case hex SHA-256 of the admin API key.</summary>
    public string? ApiKeySha256 { get; set; }

    /// <summary>False turns the admin API off (every call is 401): production then needs no admin key.</summary>
    public bool Enabled { get; set; } = true;
}
