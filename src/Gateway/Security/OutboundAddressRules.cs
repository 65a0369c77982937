using System.Net;
using System.Net.Sockets;

namespace Gateway.Security;

/// <summary>
/// The address classes a URL supplied by a client may never reach: loopback, link-local (cloud metadata
/// at 169.254.169.254), private (RFC 1918), CGNAT (100.64/10), multicast, unspecified and broadcast,
/// IPv6 unique-local and link-local, and any of those written as IPv4-mapped or IPv4-compatible IPv6.
/// </summary>
internal static class OutboundAddressRules
{
    /// <summary>Why <paramref name="address"/> is refused, or null when it may be reached.</summary>
    public static string? Refusal(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback ? null : "loopback";
        }

        return address.AddressFamily == AddressFamily.InterNetwork ? RefusalV4(address.GetAddressBytes()) : RefusalV6(address);
    }

    private static string? RefusalV4(byte[] b) => b switch
    {
        [0, _, _, _] => "unspecified",
        [10, _, _, _] => "private",
        [172, >= 16 and <= 31, _, _] => "private",
        [192, 168, _, _] => "private",
        [100, >= 64 and <= 127, _, _] => "carrier-grade NAT",
        [169, 254, _, _] => "link-local",
        [>= 224 and <= 239, _, _, _] => "multicast",
        [>= 240, _, _, _] => "reserved",
        _ => null,
    };

    private static string? RefusalV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (address.IsIPv6Multicast)
        {
            return "multicast";
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "link-local";
        }

        if ((b[0] & 0xfe) == 0xfc)
        {
            return "unique-local";
        }

        // ::a.b.c.d (IPv4-compatible, deprecated but still routed by some stacks) and 64:ff9b::/96 (NAT64).
        var embedsV4 = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0
            || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0);
        return embedsV4 ? RefusalV4(b[12..]) ?? (b[12..] is [127, _, _, _] ? "loopback" : null) : null;
    }
}
