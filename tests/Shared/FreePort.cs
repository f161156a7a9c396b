using System.Net;
using System.Net.Sockets;

namespace Corps.Tests.Shared;

/// <summary>A free loopback port, for a service whose URL the emulator must know before the service starts.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
