using System.Net;
using System.Net.Sockets;

namespace SalesOS.Testing;

/// <summary>Free TCP ports on 127.0.0.1, never handed out twice in one test run.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Issued = [];

    public static int Next()
    {
        lock (Issued)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Issued.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
