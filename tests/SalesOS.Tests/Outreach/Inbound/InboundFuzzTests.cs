using System.Text;
using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Inbound;
using Xunit.Abstractions;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>
/// Seeded fuzzing: corpus messages truncated, spliced, bit-flipped, with header soup, huge lines, deep
/// nesting and nonsense charsets. ClassifyAsync must answer every one of them with a verdict.
/// </summary>
public sealed class InboundFuzzTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Received = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Charsets = ["unicode-1-1-utf-7", "iso-2022-jp", "x-unknown-charset", "utf-8", "shift_jis", "windows-1252", "", "\"", "utf-16"];

    [Fact]
    public async Task ClassifyAsync_MangledMessages_NeverThrows()
    {
        var random = new Random(20261130);
        var seeds = Directory.GetFiles(CorpusFiles.Folder("bounces"), "*.eml")
            .Concat(Directory.GetFiles(CorpusFiles.Folder("autoreplies"), "*.eml"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList();
        var classifier = new InboundClassifier();
        var kinds = new Dictionary<InboundKind, int>();
        var cases = 0;

        foreach (var bytes in Generate(random, seeds).Take(600))
        {
            var verdict = await classifier.ClassifyAsync(bytes, Received, CancellationToken.None);

            Assert.NotNull(verdict);
            Assert.NotNull(verdict.MessageId);
            Assert.NotNull(verdict.Reason);
            Assert.InRange(verdict.Confidence, 0, 1);
            kinds[verdict.Kind] = kinds.GetValueOrDefault(verdict.Kind) + 1;
            cases++;
        }

        output.WriteLine($"{cases} mangled messages, verdicts: {string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
        Assert.Equal(600, cases);
    }

    private static IEnumerable<byte[]> Generate(Random random, List<byte[]> seeds)
    {
        while (true)
        {
            var seed = seeds[random.Next(seeds.Count)];
            yield return (random.Next(10)) switch
            {
                0 => seed[..random.Next(seed.Length + 1)],
                1 => Splice(random, seed, seeds[random.Next(seeds.Count)]),
                2 => FlipBytes(random, seed),
                3 => HeaderSoup(random),
                4 => HugeLine(random, seed),
                5 => DeepNesting(random),
                6 => WithCharset(random),
                7 => ShuffleLines(random, seed),
                8 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(seed).Replace("\n", "\r", StringComparison.Ordinal)),
                _ => BrokenMultipart(random),
            };
        }
    }

    private static byte[] Splice(Random random, byte[] first, byte[] second)
    {
        var cut = random.Next(first.Length + 1);
        var from = random.Next(second.Length + 1);
        return [.. first[..cut], .. second[from..]];
    }

    private static byte[] FlipBytes(Random random, byte[] seed)
    {
        var copy = seed.ToArray();
        for (var i = 0; i < Math.Max(1, copy.Length / 50); i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] HeaderSoup(Random random)
    {
        string[] names = ["Content-Type", "Auto-Submitted", "From", "To", "Subject", "Message-ID", "In-Reply-To", "References", "X-Failed-Recipients", "Return-Path", "Precedence", "Date", "Content-Transfer-Encoding", "MIME-Version", "X-Autoreply", "X-Apple-Criteria"];
        string[] values = ["multipart/report; report-type=delivery-status; boundary=", "=?utf-8?B?####?=", "<>", "auto-replied", "\"unterminated", "multipart/mixed", "base64", "quoted-printable", "<a@b>", "enddate=9999-99-99T99:99:99Z", "Mon, 99 Foo 2026 99:99:99 +9999", "(((((((((", new string('<', 500), "=?iso-2022-jp?B?GyRC?="];
        var text = new StringBuilder();
        for (var i = random.Next(1, 60); i > 0; i--)
        {
            text.Append(names[random.Next(names.Length)]).Append(": ").Append(values[random.Next(values.Length)]);
            if (random.Next(4) == 0)
            {
                text.Append("\n\t").Append(values[random.Next(values.Length)]);
            }

            text.Append('\n');
        }

        text.Append('\n').Append("Final-Recipient: rfc822;\nStatus: 5.\nAction:\nDiagnostic-Code: smtp; 550-").Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] HugeLine(Random random, byte[] seed)
    {
        var line = new string((char)('A' + random.Next(26)), 1_500_000 + random.Next(100_000));
        return [.. seed, .. Encoding.ASCII.GetBytes("\n" + line + " 550 5.1.1 user unknown\n")];
    }

    private static byte[] DeepNesting(Random random)
    {
        var depth = random.Next(50, 400);
        var text = new StringBuilder("From: MAILER-DAEMON@x.example\nSubject: Undeliverable\n");
        for (var i = 0; i < depth; i++)
        {
            text.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\n\n--b").Append(i).Append('\n');
        }

        text.Append("Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; x@y.example\nAction: failed\nStatus: 5.1.1\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static byte[] WithCharset(Random random)
    {
        var charset = Charsets[random.Next(Charsets.Length)];
        var body = new byte[random.Next(10, 3000)];
        random.NextBytes(body);
        var head = Encoding.ASCII.GetBytes($"From: jane@acme.example\nSubject: =?{charset}?Q?=FF=FE?=\nContent-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: {(random.Next(2) == 0 ? "base64" : "quoted-printable")}\n\n");
        return [.. head, .. body];
    }

    private static byte[] ShuffleLines(Random random, byte[] seed)
    {
        var lines = Encoding.UTF8.GetString(seed).Split('\n');
        random.Shuffle(lines);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static byte[] BrokenMultipart(Random random)
    {
        var text = new StringBuilder("From: jane@acme.example\nContent-Type: multipart/alternative; boundary=\"zz\"\n\n");
        for (var i = random.Next(1, 30); i > 0; i--)
        {
            text.Append(random.Next(3) == 0 ? "--zz--\n" : "--zz\n").Append("Content-Type: text/html\n\n<html><blockquote><blockquote><p>&#xFFFFFF;&bogus; <script>").Append(new string('<', random.Next(200))).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
