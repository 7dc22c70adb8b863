using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SalesOS.Testing.Mail;

/// <summary>
/// Postfix's socketmap lookup protocol served on 127.0.0.1 from a function: a request is the netstring
/// "&lt;map&gt; &lt;key&gt;", the answer "OK &lt;value&gt;" or "NOTFOUND ". It lets the tests' Postfix ask the test
/// process which domains, mailboxes and sent-copy addresses exist, so users added after start count at once
/// (file tables are read when a Postfix process starts).
/// </summary>
internal sealed class PostfixSocketmap : IAsyncDisposable
{
    private const int MaxRequestBytes = 100_000;
    private readonly TcpListener listener;
    private readonly Func<string, string, string?> lookup;
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;

    public PostfixSocketmap(Func<string, string, string?> lookup)
    {
        this.lookup = lookup;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>The table as main.cf names it: socketmap:inet:127.0.0.1:port:map.</summary>
    public string Table(string map) => string.Create(CultureInfo.InvariantCulture, $"socketmap:inet:127.0.0.1:{Port}:{map}");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
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

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    // Postfix keeps one connection per process and sends many requests over it.
    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            try
            {
                while (await ReadNetstringAsync(stream) is { } request)
                {
                    var space = request.IndexOf(' ', StringComparison.Ordinal);
                    var value = space <= 0 ? null : lookup(request[..space], request[(space + 1)..]);
                    var reply = value is null ? "NOTFOUND " : "OK " + value;
                    var bytes = Encoding.UTF8.GetBytes(reply);
                    // One write per answer: split writes meet Nagle and delayed ACKs, 40 ms per lookup.
                    var netstring = Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":").Concat(bytes).Append((byte)',').ToArray();
                    await stream.WriteAsync(netstring, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
            {
                // Postfix closed its end, or the server is stopping: nothing to answer any more.
            }
        }
    }

    private async Task<string?> ReadNetstringAsync(NetworkStream stream)
    {
        var length = 0;
        var digits = 0;
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, stop.Token) == 0)
            {
                return null;
            }

            if (one[0] == ':')
            {
                break;
            }

            if (one[0] is < (byte)'0' or > (byte)'9' || ++digits > 6)
            {
                throw new InvalidDataException("not a netstring length");
            }

            length = (length * 10) + (one[0] - '0');
        }

        if (digits == 0 || length > MaxRequestBytes)
        {
            throw new InvalidDataException("netstring length missing or too large");
        }

        var payload = new byte[length + 1];
        await stream.ReadExactlyAsync(payload, stop.Token);
        if (payload[length] != ',')
        {
            throw new InvalidDataException("netstring without its closing comma");
        }

        return Encoding.UTF8.GetString(payload, 0, length);
    }
}
