using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace SalesOS.Outreach.Tracking;

/// <summary>What a token stands for, and so which endpoint accepts it.</summary>
public enum TrackingTokenKind : byte
{
    /// <summary>The open pixel of one send.</summary>
    Open = 1,

    /// <summary>One link of one send; carries the link's target.</summary>
    Click = 2,

    /// <summary>The unsubscribe link (and List-Unsubscribe) of one send.</summary>
    Unsubscribe = 3,

    /// <summary>The local part of a send's Message-ID, which replies quote back in In-Reply-To.</summary>
    MessageId = 4,
}

/// <summary>
/// What a tracking URL or Message-ID carries: the workspace, the contact's identity ("email:jane@acme.com"),
/// the send, and for <see cref="TrackingTokenKind.Click"/> the link's target.
/// </summary>
public sealed record TrackingToken(TrackingTokenKind Kind, string WorkspaceId, string ContactIdentity, string SendId, string? TargetUrl = null);

/// <summary>
/// Issues and reads signed tracking tokens: a compact binary payload followed by a truncated HMAC-SHA256 tag,
/// base64url without padding (letters, digits, '-' and '_': safe in a URL path and as a Message-ID's local part).
/// Signed, not encrypted: whoever holds a token can decode its payload, nobody without the key can make or change one.
/// </summary>
public sealed class TrackingTokens
{
    public const int MinimumKeyBytes = 32;

    /// <summary>128 bits of tag: forging one takes 2^128 tries, and it keeps a Message-ID short.</summary>
    public const int TagBytes = 16;

    /// <summary>Longer text is refused unread: the longest token (every field at its limit, a 2,048-byte URL) is 3,535 characters.</summary>
    public const int MaxTokenLength = 3600;

    public const int MaxIdBytes = 128;
    public const int MaxIdentityBytes = 320;
    public const int MaxUrlBytes = 2048;

    private const byte FormatVersion = 1;
    private const byte SendIdIsGuid = 0x01;
    private const int HeaderBytes = 3;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] tagKey;

    public TrackingTokens(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The tracking key must be at least {MinimumKeyBytes} bytes; it has {secretKey.Length}.", nameof(secretKey));
        }

        // A key of its own for tokens, so the configured secret may serve other purposes without its tags meaning anything there.
        tagKey = HMACSHA256.HashData(secretKey, "SalesOS tracking token v1"u8);
    }

    /// <summary>The token as text. Throws ArgumentException for empty ids, oversized fields, or a Click without an absolute http(s) target.</summary>
    public string Issue(TrackingToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!Enum.IsDefined(token.Kind))
        {
            throw new ArgumentException($"Unknown token kind {token.Kind}.", nameof(token));
        }

        var workspace = Field(token.WorkspaceId, MaxIdBytes, "workspace id");
        var identity = Field(token.ContactIdentity, MaxIdentityBytes, "contact identity");
        var sendIsGuid = Guid.TryParseExact(token.SendId, "N", out var sendGuid) && token.SendId == sendGuid.ToString("N");
        var send = sendIsGuid ? [] : Field(token.SendId, MaxIdBytes, "send id");
        byte[] target = [];
        if (token.Kind == TrackingTokenKind.Click)
        {
            if (!Uri.TryCreate(token.TargetUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"A click token needs an absolute http(s) target: '{token.TargetUrl}'.", nameof(token));
            }

            target = Field(token.TargetUrl!, MaxUrlBytes, "target URL");
        }
        else if (token.TargetUrl is not null)
        {
            throw new ArgumentException($"Only a click token carries a target URL, not {token.Kind}.", nameof(token));
        }

        var length = HeaderBytes + Prefixed(workspace.Length) + Prefixed(identity.Length)
            + (sendIsGuid ? 16 : Prefixed(send.Length)) + (token.Kind == TrackingTokenKind.Click ? Prefixed(target.Length) : 0);
        var bytes = new byte[length + TagBytes];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)token.Kind;
        bytes[2] = sendIsGuid ? SendIdIsGuid : (byte)0;
        var at = HeaderBytes;
        Write(bytes, ref at, workspace);
        Write(bytes, ref at, identity);
        if (sendIsGuid)
        {
            sendGuid.TryWriteBytes(bytes.AsSpan(at, 16));
            at += 16;
        }
        else
        {
            Write(bytes, ref at, send);
        }

        if (token.Kind == TrackingTokenKind.Click)
        {
            Write(bytes, ref at, target);
        }

        Tag(bytes.AsSpan(0, length), bytes.AsSpan(length));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a token of any kind. False for anything not issued with this key, unchanged; never throws.</summary>
    public bool TryRead(string? text, [NotNullWhen(true)] out TrackingToken? token) => TryRead(text, null, out token);

    /// <summary>Reads a token only when it is of <paramref name="expected"/> kind: an open token is no unsubscribe.</summary>
    public bool TryRead(string? text, TrackingTokenKind expected, [NotNullWhen(true)] out TrackingToken? token) => TryRead(text, (TrackingTokenKind?)expected, out token);

    private bool TryRead(string? text, TrackingTokenKind? expected, [NotNullWhen(true)] out TrackingToken? token)
    {
        token = null;
        // The shortest payload: the header and three one-byte fields, each with its length.
        var minimum = Base64Url.GetEncodedLength(HeaderBytes + 6 + TagBytes);
        if (text is null || text.Length < minimum || text.Length > MaxTokenLength)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!TryDecode(text, bytes, out var written))
        {
            return false;
        }

        bytes = bytes[..written];
        var payload = bytes[..^TagBytes];
        Span<byte> tag = stackalloc byte[TagBytes];
        Tag(payload, tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, bytes[^TagBytes..]))
        {
            return false;
        }

        if (payload[0] != FormatVersion || !Enum.IsDefined((TrackingTokenKind)payload[1]) || (payload[2] & ~SendIdIsGuid) != 0)
        {
            return false;
        }

        var kind = (TrackingTokenKind)payload[1];
        if (expected is not null && kind != expected)
        {
            return false;
        }

        var at = HeaderBytes;
        if (!TryReadField(payload, ref at, MaxIdBytes, out var workspace) || !TryReadField(payload, ref at, MaxIdentityBytes, out var identity))
        {
            return false;
        }

        string? send;
        if ((payload[2] & SendIdIsGuid) != 0)
        {
            if (payload.Length - at < 16)
            {
                return false;
            }

            send = new Guid(payload.Slice(at, 16)).ToString("N");
            at += 16;
        }
        else if (!TryReadField(payload, ref at, MaxIdBytes, out send))
        {
            return false;
        }

        string? target = null;
        if (kind == TrackingTokenKind.Click && !TryReadField(payload, ref at, MaxUrlBytes, out target))
        {
            return false;
        }

        if (at != payload.Length)
        {
            return false;
        }

        token = new TrackingToken(kind, workspace, identity, send, target);
        return true;
    }

    /// <summary>
    /// Strict base64url: the alphabet only, no padding, no whitespace, and zero bits where the last character has
    /// bits to spare, so a token has exactly one spelling and no changed character decodes to the same bytes.
    /// </summary>
    private static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length % 4 == 1)
        {
            return false;
        }

        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a' + 26,
                >= '0' and <= '9' => c - '0' + 52,
                '-' => 62,
                '_' => 63,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        return buffer == 0;
    }

    private void Tag(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(tagKey, payload, full);
        full[..TagBytes].CopyTo(destination);
    }

    private static byte[] Field(string? value, int maxBytes, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The {what} is empty.");
        }

        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The {what} is not valid text.", e);
        }

        return bytes.Length <= maxBytes ? bytes : throw new ArgumentException($"The {what} is {bytes.Length} bytes; at most {maxBytes} fit in a token.");
    }

    // Lengths are one byte below 128 and two above (7 bits each, high bit = more follows).
    private static int Prefixed(int length) => (length < 0x80 ? 1 : 2) + length;

    private static void Write(byte[] bytes, ref int at, byte[] field)
    {
        if (field.Length < 0x80)
        {
            bytes[at++] = (byte)field.Length;
        }
        else
        {
            bytes[at++] = (byte)(0x80 | (field.Length & 0x7F));
            bytes[at++] = (byte)(field.Length >> 7);
        }

        field.CopyTo(bytes, at);
        at += field.Length;
    }

    private static bool TryReadField(ReadOnlySpan<byte> payload, ref int at, int maxBytes, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (at >= payload.Length)
        {
            return false;
        }

        int length = payload[at++];
        if ((length & 0x80) != 0)
        {
            // Two-byte lengths are only for 128 and up, so every length has one encoding.
            if (at >= payload.Length || payload[at] == 0)
            {
                return false;
            }

            length = (length & 0x7F) | (payload[at++] << 7);
        }

        if (length == 0 || length > maxBytes || payload.Length - at < length || !Utf8.IsValid(payload.Slice(at, length)))
        {
            return false;
        }

        value = Encoding.UTF8.GetString(payload.Slice(at, length));
        at += length;
        return true;
    }
}
