using System.Net;
using System.Net.Sockets;
using Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Security;

/// <summary>
/// Where the gateway may send a request to a URL a client supplied (webhooks): http(s) only, no user
/// info, only hosts on the client's allow-list when it has one, and never an internal address. The
/// address is checked when the connection is made (<see cref="ConnectAsync"/>), not only when the URL is
/// accepted, because DNS can change in between; the socket connects to the very address that was checked.
/// </summary>
internal sealed class OutboundUrlPolicy
{
    private readonly IOutboundAddressResolver _resolver;
    private readonly IOptionsMonitor<OutboundUrlOptions> _options;

    public OutboundUrlPolicy(IOutboundAddressResolver resolver, IOptionsMonitor<OutboundUrlOptions> options)
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    private bool AllowLoopback => _options.CurrentValue.AllowLoopback;

    /// <summary>Why <paramref name="value"/> is refused as a webhook URL for <paramref name="client"/>, or null.</summary>
    public string? Refusal(string value, ClientConfig? client)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return "must be an absolute http(s) URL.";
        }

        if (url.UserInfo.Length > 0)
        {
            return "must not carry a user name or password.";
        }

        if (client is { WebhookHosts.Count: > 0 } && !client.WebhookHosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase))
        {
            return $"host '{url.IdnHost}' is not in this client's webhook host allow-list.";
        }

        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) && OutboundAddressRules.Refusal(literal, AllowLoopback) is { } kind)
        {
            return $"must not point at a {kind} address.";
        }

        return url.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !AllowLoopback ? "must not point at a loopback address." : null;
    }

    /// <summary>
    /// The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, refuses the connection when
    /// any address is internal, and connects to the checked addresses only.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = await _resolver.ResolveAsync(endpoint.Host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"'{endpoint.Host}' did not resolve.");
        }

        foreach (var address in addresses)
        {
            if (OutboundAddressRules.Refusal(address, AllowLoopback) is { } kind)
            {
                throw new HttpRequestException($"'{endpoint.Host}' resolves to a {kind} address ({address}): refused by the outbound URL policy.");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A handler that applies the policy at connect time and never follows a redirect (a 3xx is a failed attempt).</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    };
}

/// <summary>The <c>Gateway:OutboundUrls</c> section.</summary>
public sealed class OutboundUrlOptions
{
    /// <summary>Lets webhooks reach loopback addresses; test mode turns it on so the sandbox and local receivers work.</summary>
    public bool AllowLoopback { get; set; }
}
