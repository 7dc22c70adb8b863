using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SalesOS.Testing;

/// <summary>
/// A tiny authoritative DNS server on 127.0.0.1 over UDP (RFC 1035 wire format), answering MX, A and AAAA
/// questions from an in-memory zone. A name absent from the zone is NXDOMAIN; a name present without the asked
/// type gets an empty NOERROR answer. Names can be made to fail (SERVFAIL) or to go unanswered (for timeouts).
/// Every question is counted, so tests can tell a cache hit from a lookup.
/// </summary>
public sealed class LoopbackDnsServer : IAsyncDisposable
{
    public const ushort TypeA = 1;
    public const ushort TypeMx = 15;
    public const ushort TypeAaaa = 28;

    private const ushort ClassIn = 1;
    private const byte RcodeServFail = 2;
    private const byte RcodeNxDomain = 3;
    private const byte RcodeNotImplemented = 4;

    private readonly UdpClient socket;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly ConcurrentDictionary<string, Entry> zone = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Name, ushort Type), int> queries = new();
    private int queryCount;

    private sealed class Entry
    {
        public List<(ushort Preference, string Exchange, uint Ttl)> Mx { get; } = [];
        public List<(IPAddress Address, uint Ttl)> Addresses { get; } = [];
        public bool ServerFailure { get; set; }
        public bool Silent { get; set; }
    }

    private LoopbackDnsServer()
    {
        socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)socket.Client.LocalEndPoint!;
        loop = Task.Run(ServeAsync);
    }

    public static LoopbackDnsServer Start() => new();

    public IPEndPoint EndPoint { get; }

    /// <summary>"127.0.0.1:port", as DnsOptions.NameServers takes it.</summary>
    public string Address => $"{EndPoint.Address}:{EndPoint.Port}";

    public int QueryCount => Volatile.Read(ref queryCount);

    public int QueriesFor(string name, ushort type) => queries.GetValueOrDefault((name.TrimEnd('.').ToLowerInvariant(), type));

    public LoopbackDnsServer AddMx(string domain, ushort preference, string exchange, uint ttl = 300)
    {
        var entry = EntryFor(domain);
        lock (entry)
        {
            entry.Mx.Add((preference, exchange, ttl));
        }

        return this;
    }

    /// <summary>RFC 7505: one MX of preference 0 whose exchange is the root, ".": this domain takes no mail.</summary>
    public LoopbackDnsServer AddNullMx(string domain, uint ttl = 300) => AddMx(domain, 0, ".", ttl);

    public LoopbackDnsServer AddAddress(string domain, IPAddress address, uint ttl = 300)
    {
        var entry = EntryFor(domain);
        lock (entry)
        {
            entry.Addresses.Add((address, ttl));
        }

        return this;
    }

    /// <summary>A name that exists but has no records (NOERROR with an empty answer for every type).</summary>
    public LoopbackDnsServer AddEmpty(string domain)
    {
        EntryFor(domain);
        return this;
    }

    public LoopbackDnsServer FailWithServFail(string domain)
    {
        EntryFor(domain).ServerFailure = true;
        return this;
    }

    /// <summary>Questions about the name are counted and never answered, so the client times out.</summary>
    public LoopbackDnsServer NeverAnswer(string domain)
    {
        EntryFor(domain).Silent = true;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Dispose();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private Entry EntryFor(string domain) => zone.GetOrAdd(domain.TrimEnd('.').ToLowerInvariant(), _ => new Entry());

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await socket.ReceiveAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var reply = Answer(received.Buffer);
            if (reply is not null)
            {
                try
                {
                    await socket.SendAsync(reply, received.RemoteEndPoint, stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
            }
        }
    }

    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 12)
        {
            return null;
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(2));
        var questions = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(4));
        if ((flags & 0x8000) != 0 || questions != 1 || !TryReadName(query, 12, out var name, out var afterName) || afterName + 4 > query.Length)
        {
            return null;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(afterName));
        var questionEnd = afterName + 4;
        Interlocked.Increment(ref queryCount);
        queries.AddOrUpdate((name, type), 1, (_, n) => n + 1);

        var answers = new List<byte[]>();
        byte rcode = 0;
        if (!zone.TryGetValue(name, out var entry))
        {
            rcode = RcodeNxDomain;
        }
        else if (entry.Silent)
        {
            return null;
        }
        else if (entry.ServerFailure)
        {
            rcode = RcodeServFail;
        }
        else
        {
            lock (entry)
            {
                switch (type)
                {
                    case TypeMx:
                        answers.AddRange(entry.Mx.Select(mx => Record(name, TypeMx, mx.Ttl, [.. BigEndian(mx.Preference), .. EncodeName(mx.Exchange)])));
                        break;
                    case TypeA:
                    case TypeAaaa:
                        var family = type == TypeA ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
                        answers.AddRange(entry.Addresses.Where(a => a.Address.AddressFamily == family).Select(a => Record(name, type, a.Ttl, a.Address.GetAddressBytes())));
                        break;
                    default:
                        rcode = RcodeNotImplemented;
                        break;
                }
            }
        }

        // Header: same id, QR + AA, the client's opcode and RD, our rcode; one question, the answers, nothing else.
        var response = new List<byte>(512);
        response.AddRange(query.AsSpan(0, 2).ToArray());
        var responseFlags = (ushort)(0x8000 | (flags & 0x7800) | 0x0400 | (flags & 0x0100) | rcode);
        response.AddRange(BigEndian(responseFlags));
        response.AddRange(BigEndian(1));
        response.AddRange(BigEndian((ushort)answers.Count));
        response.AddRange(BigEndian(0));
        response.AddRange(BigEndian(0));
        response.AddRange(query.AsSpan(12, questionEnd - 12).ToArray());
        foreach (var answer in answers)
        {
            response.AddRange(answer);
        }

        return [.. response];
    }

    private static byte[] Record(string name, ushort type, uint ttl, byte[] data)
    {
        var ttlBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(ttlBytes, ttl);
        return [.. EncodeName(name), .. BigEndian(type), .. BigEndian(ClassIn), .. ttlBytes, .. BigEndian((ushort)data.Length), .. data];
    }

    private static byte[] BigEndian(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var ascii = Encoding.ASCII.GetBytes(label);
            bytes.Add((byte)ascii.Length);
            bytes.AddRange(ascii);
        }

        bytes.Add(0);
        return [.. bytes];
    }

    // Questions carry their name uncompressed (RFC 1035 4.1.2); a pointer there is refused rather than followed.
    private static bool TryReadName(byte[] message, int offset, out string name, out int end)
    {
        var labels = new List<string>();
        name = "";
        end = offset;
        while (end < message.Length)
        {
            var length = message[end];
            if (length == 0)
            {
                end++;
                name = string.Join('.', labels).ToLowerInvariant();
                return true;
            }

            if ((length & 0xC0) != 0 || end + 1 + length > message.Length)
            {
                return false;
            }

            labels.Add(Encoding.ASCII.GetString(message, end + 1, length));
            end += 1 + length;
        }

        return false;
    }
}
