namespace Gateway.Configuration;

/// <summary>The gateway configuration is invalid; the message lists every problem found.</summary>
public sealed class GatewayConfigurationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public GatewayConfigurationException(IReadOnlyList<string> errors)
        : base("The gateway configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, each naming the route or instance and the key.</summary>
    public IReadOnlyList<string> Errors { get; }
}
