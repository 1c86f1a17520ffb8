using System.Net;
using System.Net.Sockets;

namespace Slipway.Docker;

/// <summary>Finds a TCP port on 127.0.0.1 that nothing listens on right now.</summary>
internal static class FreePort
{
    public static int OnLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
