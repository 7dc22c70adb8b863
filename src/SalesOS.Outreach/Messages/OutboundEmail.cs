using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace SalesOS.Outreach.Messages;

/// <summary>A person or mailbox on a message.</summary>
public sealed record EmailParty(string? Name, string Address);

/// <summary>
/// How a message is tracked. <see cref="OpenPixelUrl"/> adds a 1×1 image to the HTML part; <see cref="ClickUrl"/>
/// turns each web link of the HTML part into its tracked redirect. The plain-text part is never rewritten, and
/// neither are the unsubscribe link and mailto: links.
/// </summary>
public sealed record MessageTracking(string? OpenPixelUrl, Func<string, string>? ClickUrl);

/// <summary>
/// Everything one outbound email is made of. <see cref="MessageId"/>, <see cref="InReplyTo"/> and
/// <see cref="References"/> are ids without angle brackets. With <see cref="InReplyTo"/> the message continues a
/// thread and its subject gets "Re: " once. <see cref="UnsubscribeUrl"/> must be https (RFC 8058 one-click); http only on loopback.
/// </summary>
public sealed record OutboundEmailSpec(
    EmailParty From,
    EmailParty To,
    string Subject,
    string TextBody,
    string MessageId,
    DateTimeOffset Date,
    string PostalAddress,
    string UnsubscribeUrl,
    string UnsubscribeMailto,
    MessageTracking? Tracking = null,
    string? InReplyTo = null,
    IReadOnlyList<string>? References = null,
    string? Language = null,
    EmailParty? ReplyTo = null);

/// <summary>
/// Builds the MIME message of an outbound email: multipart/alternative with the text as written and the same
/// content as simple HTML, the CAN-SPAM footer (postal address, unsubscribe link) in both, List-Unsubscribe
/// with one-click (RFC 8058), and tracking in the HTML part only.
/// </summary>
public static partial class OutboundEmail
{
    public static MimeMessage Build(OutboundEmailSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var unsubscribe = RequireHttps(spec.UnsubscribeUrl);
        var mailto = RequireMailbox(spec.UnsubscribeMailto, "unsubscribe mailto address");
        var messageId = RequireId(spec.MessageId, nameof(spec.MessageId));
        if (string.IsNullOrWhiteSpace(spec.PostalAddress))
        {
            throw new ArgumentException("A postal address is required in every commercial message (CAN-SPAM).", nameof(spec));
        }

        if (string.IsNullOrWhiteSpace(spec.TextBody))
        {
            throw new ArgumentException("The message has no text.", nameof(spec));
        }

        var message = new MimeMessage();
        message.From.Add(Mailbox(spec.From, "From"));
        message.To.Add(Mailbox(spec.To, "To"));
        if (spec.ReplyTo is not null)
        {
            message.ReplyTo.Add(Mailbox(spec.ReplyTo, "Reply-To"));
        }

        message.Date = spec.Date;
        message.MessageId = messageId;
        message.Subject = ThreadSubject(spec.Subject, spec.InReplyTo is not null);
        if (spec.InReplyTo is not null)
        {
            message.InReplyTo = RequireId(spec.InReplyTo, nameof(spec.InReplyTo));
            var references = (spec.References is { Count: > 0 } given ? given : [spec.InReplyTo]).Select(r => RequireId(r, nameof(spec.References))).ToList();
            if (!references.Contains(message.InReplyTo, StringComparer.Ordinal))
            {
                references.Add(message.InReplyTo);
            }

            foreach (var reference in references)
            {
                message.References.Add(reference);
            }
        }

        var language = spec.Language is null ? null : RequireLanguage(spec.Language);

        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>, <mailto:{mailto}?subject=unsubscribe>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var text = spec.TextBody.ReplaceLineEndings("\n").Trim('\n');
        var postal = spec.PostalAddress.ReplaceLineEndings("\n").Trim();
        var alternative = new MultipartAlternative
        {
            Part(TextFormat.Plain, PlainText(text, postal, unsubscribe)),
            Part(TextFormat.Html, Html(text, postal, unsubscribe, spec.Tracking, language)),
        };
        if (language is not null)
        {
            // A MIME entity header: on the top-level body it is written in the message's header block.
            alternative.Headers.Add(HeaderId.ContentLanguage, language);
        }

        message.Body = alternative;
        message.Headers[HeaderId.MimeVersion] = "1.0";
        return message;
    }

    private static string PlainText(string text, string postal, string unsubscribe) =>
        $"{text}\n\n--\n{postal}\nUnsubscribe: {unsubscribe}\n";

    private static string Html(string text, string postal, string unsubscribe, MessageTracking? tracking, string? language)
    {
        var click = tracking?.ClickUrl;
        string Href(string url) =>
            click is null || string.Equals(url, unsubscribe, StringComparison.Ordinal) ? url : click(url);

        var html = new StringBuilder(text.Length * 2 + 512);
        html.Append("<!DOCTYPE html>\n<html");
        if (language is not null)
        {
            html.Append(" lang=\"").Append(language).Append('"');
        }

        html.Append(">\n<head><meta charset=\"utf-8\"></head>\n<body>\n");
        MessageBodyHtml.AppendParagraphs(html, text, Href);
        html.Append("<p style=\"color:#666666;font-size:12px\">--<br>\n");
        foreach (var line in postal.Split('\n'))
        {
            MessageBodyHtml.AppendEncoded(html, line.Trim());
            html.Append("<br>\n");
        }

        html.Append("Unsubscribe: <a href=\"");
        MessageBodyHtml.AppendEncoded(html, unsubscribe);
        html.Append("\">");
        MessageBodyHtml.AppendEncoded(html, unsubscribe);
        html.Append("</a></p>\n");
        if (tracking?.OpenPixelUrl is { } pixel)
        {
            html.Append("<img src=\"");
            MessageBodyHtml.AppendEncoded(html, RequireHttp(pixel, "open pixel URL"));
            html.Append("\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0\">\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, content);
        return part;
    }

    /// <summary>A follow-up in the thread reads "Re: subject" however often it was already prefixed.</summary>
    internal static string ThreadSubject(string subject, bool reply)
    {
        var clean = (subject ?? "").ReplaceLineEndings(" ").Trim();
        if (clean.Length == 0)
        {
            throw new ArgumentException("The message has no subject.", nameof(subject));
        }

        if (!reply)
        {
            return clean;
        }

        return "Re: " + ReplyPrefixes().Replace(clean, "");
    }

    private static MailboxAddress Mailbox(EmailParty party, string header)
    {
        ArgumentNullException.ThrowIfNull(party);
        var address = RequireMailbox(party.Address, header + " address");
        return new MailboxAddress(string.IsNullOrWhiteSpace(party.Name) ? null : party.Name.ReplaceLineEndings(" ").Trim(), address);
    }

    private static string RequireMailbox(string? address, string what)
    {
        var trimmed = address?.Trim() ?? "";
        if (!MailboxAddress.TryParse(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('@', StringComparison.Ordinal) || parsed.Route.Count > 0)
        {
            throw new ArgumentException($"The {what} is not a valid address: '{address}'.");
        }

        return trimmed;
    }

    // RFC 8058 wants https; plain http is accepted only on this machine's own loopback (a development or test
    // gateway whose messages never leave it).
    private static string RequireHttps(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || url!.Any(char.IsWhiteSpace)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new ArgumentException($"The unsubscribe URL must be an absolute https URL (RFC 8058): '{url}'.");
        }

        return url;
    }

    private static string RequireHttp(string url, string what) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !url.Any(char.IsWhiteSpace)
            ? url
            : throw new ArgumentException($"The {what} must be an absolute http(s) URL: '{url}'.");

    private static string RequireId(string? id, string what)
    {
        // A message id is an addr-spec of dot-atoms (RFC 5322 msg-id, no-fold-literal aside) given without its brackets.
        if (id is null || !MessageIdPattern().IsMatch(id) || id.Length > 250)
        {
            throw new ArgumentException($"{what} must be an id like 'local@domain' without angle brackets: '{id}'.");
        }

        return id;
    }

    private static string RequireLanguage(string language) =>
        LanguageTag().IsMatch(language) ? language : throw new ArgumentException($"'{language}' is not a language tag such as 'en' or 'de-AT'.", nameof(language));

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*$")]
    private static partial Regex MessageIdPattern();

    [GeneratedRegex(@"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^(?:\s*(?:re|aw|sv|antw)\s*(?:\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefixes();
}
