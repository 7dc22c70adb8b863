using System.Buffers.Text;
using System.Text.RegularExpressions;
using SalesOS.Outreach.Tracking;

namespace SalesOS.Tests.Outreach.Messages;

public sealed partial class TrackingTokensTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray();
    private readonly TrackingTokens tokens = new(Key);

    public static TheoryData<TrackingToken> Samples() =>
    [
        new TrackingToken(TrackingTokenKind.Open, "acme", "email:jane.doe@acme.com", "3f2b8c1d9e0a4b5c8d7e6f5a4b3c2d1e"),
        new TrackingToken(TrackingTokenKind.Click, "acme", "email:jane.doe@acme.com", "send-42", "https://salesos.example/customers/globex?utm_source=mail&x=ü"),
        new TrackingToken(TrackingTokenKind.Unsubscribe, "workspace-with-a-longer-id", "linkedin:in/jürgen-müller", "3F2B8C1D-9E0A-4B5C-8D7E-6F5A4B3C2D1E"),
        new TrackingToken(TrackingTokenKind.MessageId, "acme", "email:jane.doe@acme.com", "3f2b8c1d9e0a4b5c8d7e6f5a4b3c2d1e"),
        new TrackingToken(TrackingTokenKind.Click, "w", "email:x@y.io", "s", "https://a.io/" + new string('p', 1900)),
        new TrackingToken(TrackingTokenKind.Open, "a", "b", "c"),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void IssueThenRead_RoundTrips(TrackingToken token)
    {
        var text = tokens.Issue(token);
        Assert.True(tokens.TryRead(text, out var read));
        Assert.Equal(token, read);
        Assert.True(tokens.TryRead(text, token.Kind, out _));
        Assert.Matches(UrlSafe(), text);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryCharacterChanged_IsRejected(TrackingToken token)
    {
        var text = tokens.Issue(token);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/. ";
        // Long click tokens: every position, a stride of replacement characters (the test stays fast and covers all of them across positions).
        var stride = text.Length > 300 ? 7 : 1;
        for (var i = 0; i < text.Length; i++)
        {
            for (var k = i % stride; k < alphabet.Length; k += stride)
            {
                if (alphabet[k] == text[i])
                {
                    continue;
                }

                var changed = string.Concat(text.AsSpan(0, i), alphabet.AsSpan(k, 1), text.AsSpan(i + 1));
                Assert.False(tokens.TryRead(changed, out _), $"position {i} changed to '{alphabet[k]}' was accepted");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryPayloadByteChanged_IsRejected(TrackingToken token)
    {
        // Re-encoded properly, so the only defence left is the tag.
        var bytes = Base64Url.DecodeFromChars(tokens.Issue(token));
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var flip in new byte[] { 0x01, 0x80, 0xFF })
            {
                var changed = (byte[])bytes.Clone();
                changed[i] ^= flip;
                Assert.False(tokens.TryRead(Base64Url.EncodeToString(changed), out _), $"byte {i} ^ {flip:X2} was accepted");
            }
        }
    }

    [Fact]
    public void TruncatedOrExtended_IsRejected()
    {
        var text = tokens.Issue(new TrackingToken(TrackingTokenKind.Click, "acme", "email:jane@acme.com", "send-1", "https://acme.com/x"));
        for (var length = 0; length < text.Length; length++)
        {
            Assert.False(tokens.TryRead(text[..length], out _), $"truncated to {length}");
        }

        foreach (var tail in new[] { "A", "AA", "AAAA", "=", "==", "\n", " " })
        {
            Assert.False(tokens.TryRead(text + tail, out _), $"extended by '{tail}'");
        }

        Assert.False(tokens.TryRead(" " + text, out _));
    }

    [Fact]
    public void LongestToken_FitsTheReadLimit()
    {
        var longest = new TrackingToken(TrackingTokenKind.Click, new string('w', TrackingTokens.MaxIdBytes), new string('i', TrackingTokens.MaxIdentityBytes),
            new string('s', TrackingTokens.MaxIdBytes), "https://a.io/" + new string('p', TrackingTokens.MaxUrlBytes - 13));
        var text = tokens.Issue(longest);
        Assert.True(text.Length <= TrackingTokens.MaxTokenLength, $"{text.Length} characters");
        Assert.True(tokens.TryRead(text, out var read));
        Assert.Equal(longest, read);
    }

    [Fact]
    public void WrongKind_IsRejectedWhereAKindIsExpected()
    {
        var open = tokens.Issue(new TrackingToken(TrackingTokenKind.Open, "acme", "email:jane@acme.com", "send-1"));
        Assert.False(tokens.TryRead(open, TrackingTokenKind.Unsubscribe, out _));
        Assert.False(tokens.TryRead(open, TrackingTokenKind.Click, out _));
        Assert.True(tokens.TryRead(open, TrackingTokenKind.Open, out _));
    }

    [Fact]
    public void AnotherKey_IsRejected()
    {
        var text = tokens.Issue(new TrackingToken(TrackingTokenKind.Open, "acme", "email:jane@acme.com", "send-1"));
        var otherKey = (byte[])Key.Clone();
        otherKey[0] ^= 1;
        Assert.False(new TrackingTokens(otherKey).TryRead(text, out _));
    }

    [Fact]
    public void Garbage_IsRejectedWithoutThrowing()
    {
        var random = new Random(20261124);
        string?[] fixedCases = [null, "", " ", "====", "%%%", new string('A', 10_000), new string('A', TrackingTokens.MaxTokenLength + 1), "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"];
        foreach (var text in fixedCases)
        {
            Assert.False(tokens.TryRead(text, out _));
        }

        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            Assert.False(tokens.TryRead(Base64Url.EncodeToString(bytes), out _));
            Assert.False(tokens.TryRead(new string(bytes.Select(b => (char)b).ToArray()), out _));
        }
    }

    [Fact]
    public void MessageIdToken_IsADotAtomLocalPartOfTypicalLength()
    {
        var text = tokens.Issue(new TrackingToken(TrackingTokenKind.MessageId, "acme-workspace", "email:jane.doe@acme-corporation.com", Guid.NewGuid().ToString("N")));
        var messageId = $"{text}@mail.salesos.example";
        Assert.Matches(DotAtomLocalPart(), text);
        Assert.True(messageId.Length <= 200, $"{messageId.Length} characters: {messageId}");
        Assert.True(MimeKit.MailboxAddress.TryParse(messageId, out var parsed) && parsed.LocalPart == text);
    }

    [Fact]
    public void Issue_RefusesWhatCannotBeAToken()
    {
        Assert.Throws<ArgumentException>(() => tokens.Issue(new TrackingToken(TrackingTokenKind.Click, "acme", "email:j@acme.com", "s")));
        Assert.Throws<ArgumentException>(() => tokens.Issue(new TrackingToken(TrackingTokenKind.Click, "acme", "email:j@acme.com", "s", "javascript:alert(1)")));
        Assert.Throws<ArgumentException>(() => tokens.Issue(new TrackingToken(TrackingTokenKind.Open, "acme", "email:j@acme.com", "s", "https://acme.com")));
        Assert.Throws<ArgumentException>(() => tokens.Issue(new TrackingToken(TrackingTokenKind.Open, "", "email:j@acme.com", "s")));
        Assert.Throws<ArgumentException>(() => tokens.Issue(new TrackingToken(TrackingTokenKind.Open, "acme", "email:j@acme.com", new string('s', 129))));
        Assert.Throws<ArgumentException>(() => tokens.Issue(new TrackingToken(TrackingTokenKind.Click, "acme", "email:j@acme.com", "s", "https://a.io/" + new string('p', 2100))));
        Assert.Throws<ArgumentException>(() => tokens.Issue(new TrackingToken((TrackingTokenKind)9, "acme", "email:j@acme.com", "s")));
        Assert.Throws<ArgumentException>(() => new TrackingTokens(new byte[31]));
    }

    [Fact]
    public void Tokens_AreDeterministicAndDistinctPerSend()
    {
        var a = new TrackingToken(TrackingTokenKind.Open, "acme", "email:jane@acme.com", "send-1");
        Assert.Equal(tokens.Issue(a), tokens.Issue(a));
        Assert.NotEqual(tokens.Issue(a), tokens.Issue(a with { SendId = "send-2" }));
        Assert.NotEqual(tokens.Issue(a), tokens.Issue(a with { Kind = TrackingTokenKind.Unsubscribe }));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UrlSafe();

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*$")]
    private static partial Regex DotAtomLocalPart();
}
