using System.Text;
using MimeKit;
using MimeKit.Text;

namespace SalesOS.Outreach.Inbound;

/// <summary>
/// The text of MIME parts whatever their charset claims (ISO-2022-JP, Shift_JIS, UTF-7, mislabelled UTF-8),
/// HTML turned into plain text, and raw messages parsed however broken their framing is.
/// </summary>
internal static class MailText
{
    // A part bigger than this is read only this far: bounces and replies say what matters at the top.
    public const int MaxPartBytes = 1 << 20;

    static MailText()
    {
        // Japanese and other legacy charsets of mail servers live in the code-page provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Parses raw bytes as one message: mbox "From " first lines, bare CR and CRLF line ends are all accepted.</summary>
    public static MimeMessage Parse(ReadOnlySpan<byte> raw)
    {
        var bytes = NormalizeLineEnds(raw);
        var start = 0;
        if (bytes.Length > 5 && bytes[0] == 'F' && bytes[1] == 'r' && bytes[2] == 'o' && bytes[3] == 'm' && bytes[4] == ' ')
        {
            var newline = Array.IndexOf(bytes, (byte)'\n');
            start = newline < 0 ? bytes.Length : newline + 1;
        }

        using var stream = new MemoryStream(bytes, start, bytes.Length - start, writable: false);
        return MimeMessage.Load(stream);
    }

    private static byte[] NormalizeLineEnds(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\r') < 0)
        {
            return raw.ToArray();
        }

        var output = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\r')
            {
                output[length++] = (byte)'\n';
                if (i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                output[length++] = raw[i];
            }
        }

        return output.AsSpan(0, length).ToArray();
    }

    /// <summary>The decoded text of a part; never throws (an unreadable part reads as empty).</summary>
    public static string Read(MimePart part)
    {
        try
        {
            using var buffer = new MemoryStream();
            part.Content?.DecodeTo(buffer);
            var bytes = buffer.Length > MaxPartBytes ? buffer.GetBuffer().AsSpan(0, MaxPartBytes).ToArray() : buffer.ToArray();
            return Decode(bytes, part.ContentType?.Charset);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return string.Empty;
        }
    }

    /// <summary>The text of a part as plain text: HTML is converted, anything else decoded.</summary>
    public static string ReadAsPlainText(MimePart part)
    {
        var text = Read(part);
        return part.ContentType.IsMimeType("text", "html") ? HtmlToText(text) : NormalizeNewlines(text);
    }

    public static string Decode(byte[] bytes, string? charset)
    {
        var name = charset?.Trim().Trim('"').ToLowerInvariant();
        if (name is not null && name.Contains("utf-7", StringComparison.Ordinal))
        {
            return DecodeUtf7(bytes);
        }

        if (string.IsNullOrEmpty(name) || name is "us-ascii" or "ascii" or "utf-8" or "utf8")
        {
            if (LooksLikeIso2022Jp(bytes))
            {
                return DecodeWith("iso-2022-jp", bytes) ?? Latin1(bytes);
            }

            return StrictUtf8(bytes) ?? DecodeWith("windows-1252", bytes) ?? Latin1(bytes);
        }

        return DecodeWith(name, bytes) ?? StrictUtf8(bytes) ?? Latin1(bytes);
    }

    private static string? DecodeWith(string charset, byte[] bytes)
    {
        try
        {
            var encoding = Encoding.GetEncoding(CharsetAliases.GetValueOrDefault(charset, charset));
            return encoding.GetString(bytes);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            return null;
        }
    }

    // Names mail clients write that .NET knows by another name.
    private static readonly Dictionary<string, string> CharsetAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x-sjis"] = "shift_jis",
        ["sjis"] = "shift_jis",
        ["shift-jis"] = "shift_jis",
        ["windows-31j"] = "shift_jis",
        ["x-euc-jp"] = "euc-jp",
        ["iso-8859-8-i"] = "iso-8859-8",
        ["cp1252"] = "windows-1252",
        ["latin1"] = "iso-8859-1",
        ["ansi_x3.4-1968"] = "us-ascii",
        ["gb2312"] = "gb2312",
        ["ks_c_5601"] = "ks_c_5601-1987",
    };

    private static string? StrictUtf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static bool LooksLikeIso2022Jp(byte[] bytes)
    {
        // ESC $ B and ESC $ @ switch to JIS X 0208: the shape of ISO-2022-JP text without a charset label.
        for (var i = 0; i + 2 < bytes.Length; i++)
        {
            if (bytes[i] == 0x1B && bytes[i + 1] == (byte)'$' && (bytes[i + 2] == (byte)'B' || bytes[i + 2] == (byte)'@'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>RFC 2152 UTF-7 (.NET no longer decodes it; Hotmail's DSNs still declare unicode-1-1-utf-7).</summary>
    public static string DecodeUtf7(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length);
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b != (byte)'+')
            {
                text.Append((char)b);
                i++;
                continue;
            }

            i++;
            if (i < bytes.Length && bytes[i] == (byte)'-')
            {
                text.Append('+');
                i++;
                continue;
            }

            var bits = 0;
            var bitCount = 0;
            while (i < bytes.Length)
            {
                var value = Base64Value(bytes[i]);
                if (value < 0)
                {
                    break;
                }

                bits = ((bits << 6) | value) & 0xFFFFFF;
                bitCount += 6;
                i++;
                if (bitCount >= 16)
                {
                    bitCount -= 16;
                    text.Append((char)((bits >> bitCount) & 0xFFFF));
                }
            }

            if (i < bytes.Length && bytes[i] == (byte)'-')
            {
                i++;
            }
        }

        return text.ToString();
    }

    private static int Base64Value(byte b) => b switch
    {
        >= (byte)'A' and <= (byte)'Z' => b - 'A',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => b - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };

    /// <summary>
    /// The Subject as written, decoded here rather than by MimeKit: MimeKit settles on its charsets the first time
    /// it runs, and when that happens before the code-page provider is registered it leaves ISO-2022-JP undecoded.
    /// </summary>
    public static string Subject(MimeMessage message)
    {
        try
        {
            var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.Subject);
            if (header?.RawValue is not { Length: > 0 } raw)
            {
                return message.Subject ?? string.Empty;
            }

            return DecodeHeaderValue(raw);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return string.Empty;
        }
    }

    /// <summary>An RFC 2047 header value: encoded words decoded, the whitespace between adjacent ones dropped, folding undone.</summary>
    public static string DecodeHeaderValue(byte[] raw)
    {
        var text = Latin1(raw);
        var output = new StringBuilder(text.Length);
        var plain = new List<byte>();
        var i = 0;
        var lastWasEncoded = false;
        while (i < text.Length)
        {
            var word = EncodedWordAt(text, i);
            if (word is { } encoded)
            {
                // Whitespace between two encoded words is folding, not content.
                if (!lastWasEncoded || plain.Any(b => b is not (byte)' ' and not (byte)'\t' and not (byte)'\r' and not (byte)'\n'))
                {
                    output.Append(Decode(plain.ToArray(), null));
                }

                plain.Clear();
                output.Append(encoded.Text);
                i = encoded.End;
                lastWasEncoded = true;
                continue;
            }

            plain.Add(raw[i]);
            if (raw[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                lastWasEncoded = false;
            }

            i++;
        }

        output.Append(Decode(plain.ToArray(), null));
        return string.Join(' ', output.ToString().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())).Trim();
    }

    private static (string Text, int End)? EncodedWordAt(string text, int start)
    {
        if (start + 8 > text.Length || text[start] != '=' || text[start + 1] != '?')
        {
            return null;
        }

        var charsetEnd = text.IndexOf('?', start + 2);
        if (charsetEnd < 0 || charsetEnd + 2 >= text.Length || text[charsetEnd + 2] != '?')
        {
            return null;
        }

        var end = text.IndexOf("?=", charsetEnd + 3, StringComparison.Ordinal);
        if (end < 0 || end - start > 1000)
        {
            return null;
        }

        var charset = text[(start + 2)..charsetEnd];
        var star = charset.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            charset = charset[..star];
        }

        var encoding = char.ToUpperInvariant(text[charsetEnd + 1]);
        var payload = text[(charsetEnd + 3)..end];
        byte[] bytes;
        if (encoding == 'B')
        {
            var clean = new string(payload.Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/').ToArray());
            clean = clean.PadRight(clean.Length + ((4 - (clean.Length % 4)) % 4), '=');
            try
            {
                bytes = Convert.FromBase64String(clean);
            }
            catch (FormatException)
            {
                return null;
            }
        }
        else if (encoding == 'Q')
        {
            var decoded = new List<byte>(payload.Length);
            for (var k = 0; k < payload.Length; k++)
            {
                if (payload[k] == '_')
                {
                    decoded.Add((byte)' ');
                }
                else if (payload[k] == '=' && k + 2 < payload.Length && byte.TryParse(payload.AsSpan(k + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    decoded.Add(value);
                    k += 2;
                }
                else
                {
                    decoded.Add((byte)payload[k]);
                }
            }

            bytes = [.. decoded];
        }
        else
        {
            return null;
        }

        return (Decode(bytes, charset), end + 2);
    }

    public static string NormalizeNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "dd", "dt", "section", "article", "header", "footer",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title" };

    /// <summary>
    /// HTML as the reader sees it: blocks become lines, entities are decoded, script and style vanish, and
    /// blockquotes become "&gt; " quoted lines so quote stripping works the same on HTML-only replies.
    /// </summary>
    public static string HtmlToText(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        var line = new StringBuilder();
        var quoteDepth = 0;
        var skipping = 0;
        var preformatted = 0;

        void EndLine()
        {
            var content = line.ToString().Trim();
            line.Clear();
            if (quoteDepth > 0)
            {
                text.Append(string.Concat(Enumerable.Repeat("> ", quoteDepth))).Append(content).Append('\n');
            }
            else
            {
                text.Append(content).Append('\n');
            }
        }

        try
        {
            using var reader = new StringReader(html);
            var tokenizer = new HtmlTokenizer(reader);
            while (tokenizer.ReadNextToken(out var token))
            {
                switch (token)
                {
                    case HtmlTagToken tag:
                        if (SkippedTags.Contains(tag.Name))
                        {
                            if (!tag.IsEmptyElement)
                            {
                                skipping = Math.Max(0, skipping + (tag.IsEndTag ? -1 : 1));
                            }

                            continue;
                        }

                        if (tag.Name.Equals("blockquote", StringComparison.OrdinalIgnoreCase))
                        {
                            if (line.Length > 0)
                            {
                                EndLine();
                            }

                            quoteDepth = Math.Max(0, quoteDepth + (tag.IsEndTag ? -1 : 1));
                            continue;
                        }

                        if (tag.Name.Equals("pre", StringComparison.OrdinalIgnoreCase))
                        {
                            preformatted = Math.Max(0, preformatted + (tag.IsEndTag ? -1 : 1));
                        }

                        if (BlockTags.Contains(tag.Name) && (line.Length > 0 || tag.Name.Equals("br", StringComparison.OrdinalIgnoreCase) || tag.Name.Equals("p", StringComparison.OrdinalIgnoreCase)))
                        {
                            EndLine();
                        }

                        break;
                    case HtmlDataToken data when skipping == 0:
                        AppendData(data.Data, preformatted > 0);
                        break;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A tokenizer failure keeps what was read so far.
        }

        if (line.Length > 0)
        {
            EndLine();
        }

        return CollapseBlankLines(text.ToString());

        void AppendData(string data, bool keepLines)
        {
            foreach (var c in data)
            {
                if (c == '\n' && keepLines)
                {
                    EndLine();
                }
                else if (char.IsWhiteSpace(c) || c == '\u00A0')
                {
                    if (line.Length > 0 && line[^1] != ' ')
                    {
                        line.Append(' ');
                    }
                }
                else
                {
                    line.Append(c);
                }
            }
        }
    }

    private static string CollapseBlankLines(string text)
    {
        var output = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length == 0 || line.Trim().Trim('>').Trim().Length == 0 && line.TrimStart().StartsWith('>'))
            {
                blank++;
                if (blank > 1)
                {
                    continue;
                }
            }
            else
            {
                blank = 0;
            }

            output.Append(line.TrimEnd()).Append('\n');
        }

        return output.ToString().Trim('\n');
    }
}
