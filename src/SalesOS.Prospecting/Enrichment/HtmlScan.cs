using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SalesOS.Prospecting.Enrichment;

/// <summary>A link on a page: its href as written, its visible text and where it starts in the HTML.</summary>
/// <remarks><see cref="FirstRun"/>..<see cref="EndRun"/> index the text runs inside the link.</remarks>
public sealed record HtmlAnchor(string Href, string Text, int Position, int FirstRun, int EndRun);

/// <summary>A <c>&lt;time datetime&gt;</c> element.</summary>
public sealed record HtmlTime(string DateTime, int Position);

/// <summary>
/// One run of visible text, with the innermost element it sits in, the nearest class attribute around it
/// and the block (paragraph, heading, list item...) it belongs to with that block's element.
/// </summary>
public sealed record HtmlTextRun(string Text, string Tag, string? Class, int Position, int Block, string BlockTag);

/// <summary>
/// A single forward pass over an HTML document collecting what website analysis needs (scripts, links,
/// meta generator, iframes, JSON-LD, anchors, time elements, visible text by block). No DOM is built:
/// company websites are read by the hundred thousand and a tree would cost more than it tells.
/// </summary>
public sealed class HtmlScan
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul", "option", "button", "label", "img",
    };

    private static readonly HashSet<string> VoidTags = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private readonly List<string> blocks = [];
    private readonly StringBuilder block = new();
    private readonly StringBuilder run = new();
    private readonly List<(string Tag, string? Class)> open = [];
    private StringBuilder? anchorText;
    private string? anchorHref;
    private int anchorPosition;
    private int anchorFirstRun;
    private int runPosition;
    private bool pendingSpace;
    private bool runPendingSpace;

    private HtmlScan()
    {
    }

    public List<string> ScriptSources { get; } = [];

    public List<string> InlineScripts { get; } = [];

    public List<string> JsonLd { get; } = [];

    public List<string> LinkHrefs { get; } = [];

    public List<string> IframeSources { get; } = [];

    public List<string> Generators { get; } = [];

    public List<HtmlAnchor> Anchors { get; } = [];

    public List<HtmlTime> Times { get; } = [];

    public List<HtmlTextRun> Runs { get; } = [];

    /// <summary>Visible text by block, whitespace collapsed, entities decoded.</summary>
    public IReadOnlyList<string> Blocks => blocks;

    public string? Title { get; private set; }

    /// <summary>The visible text of the page: blocks joined by one space.</summary>
    public string VisibleText() => string.Join(' ', blocks);

    /// <summary>SHA-256 (lowercase hex) of the page's visible text; whitespace and markup changes do not move it.</summary>
    public static string Fingerprint(string html) => FingerprintOfText(Parse(html).VisibleText());

    public static string FingerprintOfText(string visibleText)
    {
        var bytes = Encoding.UTF8.GetBytes(visibleText);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static HtmlScan Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scan = new HtmlScan();
        scan.Run(html);
        return scan;
    }

    private void Run(string html)
    {
        var i = 0;
        var n = html.Length;
        Span<Attribute> attributes = stackalloc Attribute[24];
        while (i < n)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                AddText(html.AsSpan(i), i);
                break;
            }

            if (lt > i)
            {
                AddText(html.AsSpan(i, lt - i), i);
            }

            if (lt + 1 >= n)
            {
                break;
            }

            var next = html[lt + 1];
            if (next == '!' && string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? n : end + 3;
                continue;
            }

            if (next is '!' or '?')
            {
                var end = html.IndexOf('>', lt + 2);
                i = end < 0 ? n : end + 1;
                continue;
            }

            if (next == '/')
            {
                var nameStart = lt + 2;
                var nameEnd = nameStart;
                while (nameEnd < n && IsNameChar(html[nameEnd]))
                {
                    nameEnd++;
                }

                var end = html.IndexOf('>', nameEnd);
                i = end < 0 ? n : end + 1;
                if (nameEnd > nameStart)
                {
                    EndTag(TagName(html.AsSpan(nameStart, nameEnd - nameStart)), lt);
                }

                continue;
            }

            if (!char.IsAsciiLetter(next))
            {
                AddText("<", lt);
                i = lt + 1;
                continue;
            }

            // Start tag: name, then attributes up to the closing '>' (quotes respected).
            var p = lt + 1;
            while (p < n && IsNameChar(html[p]))
            {
                p++;
            }

            var name = TagName(html.AsSpan(lt + 1, p - lt - 1));
            var count = 0;
            var selfClosing = false;
            while (p < n)
            {
                while (p < n && (char.IsWhiteSpace(html[p]) || html[p] == '/'))
                {
                    if (html[p] == '/')
                    {
                        selfClosing = true;
                    }

                    p++;
                }

                if (p >= n || html[p] == '>')
                {
                    break;
                }

                selfClosing = false;
                var an = p;
                while (p < n && html[p] != '=' && html[p] != '>' && html[p] != '/' && !char.IsWhiteSpace(html[p]))
                {
                    p++;
                }

                var anEnd = p;
                while (p < n && char.IsWhiteSpace(html[p]))
                {
                    p++;
                }

                int vs = 0, ve = 0;
                if (p < n && html[p] == '=')
                {
                    p++;
                    while (p < n && char.IsWhiteSpace(html[p]))
                    {
                        p++;
                    }

                    if (p < n && html[p] is '"' or '\'')
                    {
                        var quote = html[p];
                        var close = html.IndexOf(quote, p + 1);
                        vs = p + 1;
                        ve = close < 0 ? n : close;
                        p = close < 0 ? n : close + 1;
                    }
                    else
                    {
                        vs = p;
                        while (p < n && !char.IsWhiteSpace(html[p]) && html[p] != '>')
                        {
                            p++;
                        }

                        ve = p;
                    }
                }

                if (count < attributes.Length && anEnd > an)
                {
                    attributes[count++] = new Attribute(an, anEnd - an, vs, ve - vs);
                }
            }

            i = p < n ? p + 1 : n;
            var attrs = attributes[..count];

            if (name is "script" or "style" or "textarea" or "title" or "noscript" or "template")
            {
                var close = IndexOfEndTag(html, name, i);
                var content = html.AsSpan(i, (close < 0 ? n : close) - i);
                RawText(name, html, attrs, content, lt);
                if (close < 0)
                {
                    i = n;
                }
                else
                {
                    var gt = html.IndexOf('>', close);
                    i = gt < 0 ? n : gt + 1;
                }

                continue;
            }

            StartTag(name, html, attrs, lt, selfClosing);
        }

        FlushBlock();
        FinishAnchor();
    }

    private void RawText(string name, string html, ReadOnlySpan<Attribute> attrs, ReadOnlySpan<char> content, int position)
    {
        switch (name)
        {
            case "script":
                var src = Get(html, attrs, "src");
                if (src is not null)
                {
                    if (src.Length > 0)
                    {
                        ScriptSources.Add(src);
                    }

                    return;
                }

                var type = Get(html, attrs, "type");
                var trimmed = content.Trim();
                if (trimmed.IsEmpty)
                {
                    return;
                }

                if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    JsonLd.Add(trimmed.ToString());
                }
                else if (type is null || type.Length == 0 || type.Contains("javascript", StringComparison.OrdinalIgnoreCase) || type.Equals("module", StringComparison.OrdinalIgnoreCase))
                {
                    InlineScripts.Add(trimmed.ToString());
                }

                break;
            case "title":
                Title ??= Collapse(Decode(content));
                FlushBlock();
                AddText(content, position);
                FlushBlock();
                break;
            case "textarea":
                AddText(content, position);
                break;
            default:
                // style, noscript and template content is not visible text for a browser that runs scripts.
                break;
        }
    }

    private void StartTag(string name, string html, ReadOnlySpan<Attribute> attrs, int position, bool selfClosing)
    {
        if (BlockTags.Contains(name))
        {
            FlushBlock();
        }
        else
        {
            FlushRun();
        }

        switch (name)
        {
            case "a":
                FinishAnchor();
                anchorHref = Get(html, attrs, "href") ?? string.Empty;
                anchorText = new StringBuilder();
                anchorPosition = position;
                anchorFirstRun = Runs.Count;
                break;
            case "link":
                if (Get(html, attrs, "href") is { Length: > 0 } href)
                {
                    LinkHrefs.Add(href);
                }

                break;
            case "meta":
                if (Get(html, attrs, "name") is { } metaName && metaName.Equals("generator", StringComparison.OrdinalIgnoreCase)
                    && Get(html, attrs, "content") is { Length: > 0 } generator)
                {
                    Generators.Add(generator);
                }

                break;
            case "iframe":
                if (Get(html, attrs, "src") is { Length: > 0 } iframe)
                {
                    IframeSources.Add(iframe);
                }

                break;
            case "time":
                if (Get(html, attrs, "datetime") is { Length: > 0 } datetime)
                {
                    Times.Add(new HtmlTime(datetime, position));
                }

                break;
            default:
                break;
        }

        if (VoidTags.Contains(name) || selfClosing)
        {
            return;
        }

        // Paragraphs and list items close themselves when a sibling opens.
        if (name is "p" or "li" or "dt" or "dd" or "option" && open.Count > 0 && open[^1].Tag == name)
        {
            open.RemoveAt(open.Count - 1);
        }

        if (open.Count < 256)
        {
            open.Add((name, Get(html, attrs, "class")));
        }
    }

    private void EndTag(string name, int position)
    {
        _ = position;
        if (BlockTags.Contains(name))
        {
            FlushBlock();
        }
        else
        {
            FlushRun();
        }

        if (name == "a")
        {
            FinishAnchor();
        }

        for (var k = open.Count - 1; k >= 0 && k >= open.Count - 16; k--)
        {
            if (open[k].Tag == name)
            {
                open.RemoveRange(k, open.Count - k);
                break;
            }
        }
    }

    private void AddText(ReadOnlySpan<char> raw, int position)
    {
        var text = raw.Contains('&') ? Decode(raw).AsSpan() : raw;
        if (run.Length == 0)
        {
            runPosition = position;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = block.Length > 0;
                runPendingSpace = run.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                block.Append(' ');
                pendingSpace = false;
            }

            if (runPendingSpace)
            {
                run.Append(' ');
                runPendingSpace = false;
            }

            block.Append(c);
            run.Append(c);
        }

        if (anchorText is not null)
        {
            anchorText.Append(text);
        }
    }

    private void FlushRun()
    {
        runPendingSpace = false;
        if (run.Length == 0)
        {
            return;
        }

        var tag = open.Count > 0 ? open[^1].Tag : "body";
        string? cls = null;
        for (var k = open.Count - 1; k >= 0; k--)
        {
            if (open[k].Class is { Length: > 0 } c)
            {
                cls = c;
                break;
            }
        }

        var blockTag = "body";
        for (var k = open.Count - 1; k >= 0; k--)
        {
            if (BlockTags.Contains(open[k].Tag))
            {
                blockTag = open[k].Tag;
                break;
            }
        }

        Runs.Add(new HtmlTextRun(run.ToString(), tag, cls, runPosition, blocks.Count, blockTag));
        run.Clear();
        if (block.Length > 0)
        {
            pendingSpace = true;
        }
    }

    private void FlushBlock()
    {
        FlushRun();
        pendingSpace = false;
        if (block.Length > 0)
        {
            blocks.Add(block.ToString());
            block.Clear();
        }
    }

    private void FinishAnchor()
    {
        if (anchorText is null)
        {
            return;
        }

        Anchors.Add(new HtmlAnchor(anchorHref ?? string.Empty, Collapse(anchorText.ToString()), anchorPosition, anchorFirstRun, Runs.Count));
        anchorText = null;
        anchorHref = null;
    }

    private static int IndexOfEndTag(string html, string name, int from)
    {
        var p = from;
        while (true)
        {
            var lt = html.IndexOf("</", p, StringComparison.Ordinal);
            if (lt < 0)
            {
                return -1;
            }

            if (lt + 2 + name.Length <= html.Length && html.AsSpan(lt + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (lt + 2 + name.Length == html.Length || !IsNameChar(html[lt + 2 + name.Length])))
            {
                return lt;
            }

            p = lt + 2;
        }
    }

    private static string? Get(string html, ReadOnlySpan<Attribute> attrs, string name)
    {
        foreach (var a in attrs)
        {
            if (a.NameLength == name.Length && html.AsSpan(a.NameStart, a.NameLength).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var value = html.AsSpan(a.ValueStart, a.ValueLength).Trim();
                return value.Contains('&') ? Decode(value) : value.ToString();
            }
        }

        return null;
    }

    private static string Decode(ReadOnlySpan<char> text) => WebUtility.HtmlDecode(text.ToString());

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '_';

    private static string TagName(ReadOnlySpan<char> name)
    {
        // Common tags come back interned so a page does not allocate a string per element.
        Span<char> lower = stackalloc char[Math.Min(name.Length, 32)];
        var len = name[..lower.Length].ToLowerInvariant(lower);
        var key = lower[..len];
        return KnownTags.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var known) ? known : key.ToString();
    }

    private static readonly HashSet<string> KnownTags = new(StringComparer.Ordinal)
    {
        "a", "abbr", "address", "article", "aside", "b", "blockquote", "body", "br", "button", "code", "dd", "div", "dl", "dt",
        "em", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hr", "html", "i", "iframe", "img", "input", "label", "li", "link", "main", "meta", "nav", "noscript", "ol", "option",
        "p", "path", "pre", "script", "section", "select", "small", "source", "span", "strong", "style", "svg", "table",
        "tbody", "td", "template", "textarea", "th", "thead", "time", "title", "tr", "ul", "video", "picture",
    };

    private readonly record struct Attribute(int NameStart, int NameLength, int ValueStart, int ValueLength);
}
