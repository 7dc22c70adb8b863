using System.Text;
using System.Text.Unicode;

namespace SalesOS.Prospecting.Import;

/// <summary>
/// Tells a lead file's text encoding from its first bytes: a byte order mark (UTF-8, UTF-16 LE/BE),
/// else UTF-16 when every other byte of the start is zero, else UTF-8 when the sample is valid UTF-8,
/// else Windows-1252 (what Excel on Western Windows writes). Only the sample is checked: a file that
/// turns invalid after it reads with U+FFFD replacement characters there.
/// </summary>
public static class LeadTextEncoding
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);

    public static Encoding Windows1252 { get; } = CodePage(1252);

    /// <param name="sample">The start of the file.</param>
    /// <param name="isWholeFile">True when the sample holds the whole file (no sequence is cut at its end).</param>
    /// <param name="byteOrderMarkLength">Bytes of byte order mark to skip.</param>
    public static Encoding Detect(ReadOnlySpan<byte> sample, bool isWholeFile, out int byteOrderMarkLength)
    {
        byteOrderMarkLength = 0;
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            byteOrderMarkLength = 3;
            return Utf8NoBom;
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            byteOrderMarkLength = 2;
            return Utf16Le;
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            byteOrderMarkLength = 2;
            return Utf16Be;
        }

        if (LooksLikeUtf16(sample, out var bigEndian))
        {
            return bigEndian ? Utf16Be : Utf16Le;
        }

        return Utf8.IsValid(isWholeFile ? sample : WithoutCutSequence(sample)) ? Utf8NoBom : Windows1252;
    }

    /// <summary>Text lead files are mostly ASCII: in UTF-16 that is a zero byte beside nearly every character.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> sample, out bool bigEndian)
    {
        bigEndian = false;
        var pairs = Math.Min(sample.Length, 1024) / 2;
        if (pairs < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs; i++)
        {
            evenZeros += sample[2 * i] == 0 ? 1 : 0;
            oddZeros += sample[(2 * i) + 1] == 0 ? 1 : 0;
        }

        bigEndian = evenZeros > oddZeros;
        return Math.Max(evenZeros, oddZeros) * 10 >= pairs * 7 && Math.Min(evenZeros, oddZeros) * 10 < pairs;
    }

    /// <summary>The sample without a multi-byte sequence the sample boundary cut in two.</summary>
    private static ReadOnlySpan<byte> WithoutCutSequence(ReadOnlySpan<byte> sample)
    {
        for (var back = 1; back <= Math.Min(4, sample.Length); back++)
        {
            var b = sample[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? sample[..^back] : sample;
        }

        return sample;
    }

    /// <summary>Windows code pages are in the box on .NET but answer only once their provider is registered.</summary>
    private static Encoding CodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
