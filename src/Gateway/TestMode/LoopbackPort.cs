using System.Net;
using System.Net.Sockets;

namespace Gateway.TestMode;

/// <summary>
/// A free loopback TCP port for a listener that is bound later (test mode's secapi port; the tests' servers).
/// Chosen below the kernel's ephemeral range on purpose: a port from <c>bind(0)</c> comes from the same pool the kernel
/// uses for the local end of outgoing connections, so between "found free" and "bound" any outgoing connection can take
/// it (seen in CI: the sandbox's secapi listener failed with "address already in use").
/// </summary>
internal static class LoopbackPort
{
    private const int Floor = 10_000;

    public static int Free()
    {
        var ceiling = EphemeralRangeStart();
        for (var attempt = 0; ceiling - Floor >= 1_000 && attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(Floor, ceiling);
            if (TryBind(port))
            {
                return port;
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool TryBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of Linux's ephemeral range (<c>ip_local_port_range</c>), or IANA's 49152 elsewhere.</summary>
    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 49_152;
        }
    }
}
