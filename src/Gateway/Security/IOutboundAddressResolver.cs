using System.Net;

namespace Gateway.Security;

/// <summary>Resolves the host of an outbound URL; replaced in tests to prove checks happen at connect time.</summary>
public interface IOutboundAddressResolver
{
    /// <summary>Every address <paramref name="host"/> resolves to now.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver.</summary>
internal sealed class DnsOutboundAddressResolver : IOutboundAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        => IPAddress.TryParse(host, out var literal) ? Task.FromResult(new[] { literal }) : Dns.GetHostAddressesAsync(host, cancellationToken);
}
