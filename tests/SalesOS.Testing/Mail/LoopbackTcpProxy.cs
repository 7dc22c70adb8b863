using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SalesOS.Testing.Mail;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a server, for connection faults: it counts the connections clients
/// open and can cut every open one at once, as a server restart or a NAT timeout would.
/// </summary>
public sealed class LoopbackTcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<int, (TcpClient Client, TcpClient Server)> open = new();
    private readonly Task acceptLoop;
    private int accepted;
    private int nextId;

    public LoopbackTcpProxy(string host, int port)
    {
        target = new IPEndPoint(IPAddress.Parse(host), port);
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>Connections clients opened through the proxy so far.</summary>
    public int Accepted => Volatile.Read(ref accepted);

    /// <summary>Connections open right now.</summary>
    public int Open => open.Count;

    /// <summary>
    /// Closes every open connection on both sides. With a farewell (say "421 4.4.2 timeout exceeded\r\n", as Postfix
    /// writes before it drops an idle client) clients read it before the end of stream; without, they see a reset.
    /// </summary>
    public void CutAll(string? farewell = null)
    {
        foreach (var (id, pair) in open)
        {
            // The relay may have ended by itself meanwhile and disposed its client (whose socket is then null).
            if (open.TryRemove(id, out _) && pair.Client.Client is { } socket)
            {
                // Before the server side closes: that ends the relay, which disposes the client side too.
                try
                {
                    if (farewell is null)
                    {
                        socket.LingerState = new LingerOption(true, 0);
                    }
                    else
                    {
                        socket.Send(System.Text.Encoding.ASCII.GetBytes(farewell));
                        socket.Shutdown(SocketShutdown.Send);
                    }
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                }

                socket.Dispose();
                pair.Server.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        CutAll();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        var id = Interlocked.Increment(ref nextId);
        try
        {
            await server.ConnectAsync(target, stop.Token);
            open[id] = (client, server);
            var up = PumpAsync(client.GetStream(), server.GetStream());
            var down = PumpAsync(server.GetStream(), client.GetStream());
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            open.TryRemove(id, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
