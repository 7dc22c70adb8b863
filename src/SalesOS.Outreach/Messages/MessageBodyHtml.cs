using System.Text;
using System.Text.RegularExpressions;

namespace SalesOS.Outreach.Messages;

/// <summary>A piece of a plain-text line: text, or a link as written (its href may differ when tracked).</summary>
internal readonly record struct TextRun(string Text, bool IsLink, bool IsMailto);

/// <summary>
/// Turns a plain-text message into simple HTML: a paragraph per blank-line-separated block, line breaks kept,
/// bare URLs, mailto: URIs and addresses made clickable. Punctuation that ends a sentence is not part of a link.
/// </summary>
internal static partial class MessageBodyHtml
{
    /// <summary>Splits a line into text and links.</summary>
    public static IEnumerable<TextRun> Runs(string line)
    {
        var at = 0;
        foreach (Match match in Link().Matches(line))
        {
            var link = TrimTrailing(match.Value);
            if (link.Length == 0)
            {
                continue;
            }

            if (match.Index > at)
            {
                yield return new TextRun(line[at..match.Index], false, false);
            }

            var mailto = !link.StartsWith("http", StringComparison.OrdinalIgnoreCase);
            yield return new TextRun(link, true, mailto);
            at = match.Index + link.Length;
        }

        if (at < line.Length)
        {
            yield return new TextRun(line[at..], false, false);
        }
    }

    /// <summary>The paragraphs of a body as HTML; <paramref name="href"/> chooses each web link's target (tracking).</summary>
    public static void AppendParagraphs(StringBuilder html, string text, Func<string, string> href)
    {
        foreach (var paragraph in Paragraphs(text))
        {
            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>\n");
                }

                AppendLine(html, lines[i], href);
            }

            html.Append("</p>\n");
        }
    }

    public static void AppendLine(StringBuilder html, string line, Func<string, string> href)
    {
        foreach (var run in Runs(line))
        {
            if (!run.IsLink)
            {
                AppendEncoded(html, run.Text);
                continue;
            }

            var target = run.IsMailto
                ? (run.Text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? run.Text : "mailto:" + run.Text)
                : href(run.Text);
            html.Append("<a href=\"");
            AppendEncoded(html, target);
            html.Append("\">");
            AppendEncoded(html, run.Text);
            html.Append("</a>");
        }
    }

    public static IEnumerable<string> Paragraphs(string text) =>
        BlankLines().Split(text.ReplaceLineEndings("\n").Trim('\n')).Select(p => p.Trim('\n')).Where(p => p.Trim().Length > 0);

    /// <summary>HTML-escapes the five characters that matter; the part is UTF-8, so everything else stays as it is.</summary>
    public static void AppendEncoded(StringBuilder html, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }
    }

    private static string TrimTrailing(string link)
    {
        // "see https://acme.com/pricing." and "(https://acme.com/a_(b))": sentence punctuation and an unbalanced
        // closing bracket belong to the text around the link.
        var end = link.Length;
        while (end > 0)
        {
            var c = link[end - 1];
            if (".,;:!?'\"*".Contains(c, StringComparison.Ordinal))
            {
                end--;
            }
            else if (c is ')' or ']' && Count(link.AsSpan(0, end), c == ')' ? '(' : '[') < Count(link.AsSpan(0, end), c))
            {
                end--;
            }
            else
            {
                break;
            }
        }

        return link[..end];
    }

    private static int Count(ReadOnlySpan<char> text, char c)
    {
        var n = 0;
        foreach (var x in text)
        {
            n += x == c ? 1 : 0;
        }

        return n;
    }

    [GeneratedRegex(@"\b(?:https?://[^\s<>""]+|mailto:[^\s<>""]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();
}
