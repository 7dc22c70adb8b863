using MimeKit;

namespace SalesOS.Outreach.Inbound;

/// <summary>Raw inbound mail as MimeKit messages, however broken its framing.</summary>
public static class InboundMessages
{
    /// <summary>
    /// Parses one message from raw bytes: mbox "From " first lines are skipped and bare CR or CRLF line ends
    /// read as LF. Throws only what MimeKit throws for bytes that hold no message at all.
    /// </summary>
    public static MimeMessage Parse(ReadOnlySpan<byte> raw) => MailText.Parse(raw);
}
