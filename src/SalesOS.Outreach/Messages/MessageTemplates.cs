using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using SalesOS.Contracts.Outreach;

namespace SalesOS.Outreach.Messages;

/// <summary>One thing wrong with a template: the field ("subject" or "body"), where when known (1-based), and why in words a user understands.</summary>
public sealed record TemplateProblem(string Field, int? Line, int? Column, string Reason);

/// <summary>The verdict on a variant's templates at save time, and the variables they use.</summary>
public sealed record TemplateCheck(IReadOnlyList<TemplateProblem> Problems, IReadOnlyList<string> Variables)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>A variant's subject and body as they will be sent. <see cref="Subject"/> is null when the variant has none (a reply in the thread).</summary>
public sealed record RenderedContent(string? Subject, string Body);

/// <summary>A template could not become a message: invalid, uses a link the send does not carry, or failed while rendering.</summary>
public class TemplateRenderException : Exception
{
    public TemplateRenderException(string field, string reason, IReadOnlyList<TemplateProblem>? problems = null)
        : base($"The {field} template cannot be rendered: {reason}")
    {
        Field = field;
        Reason = reason;
        Problems = problems ?? [new TemplateProblem(field, null, null, reason)];
    }

    public TemplateRenderException()
        : this("body", "unknown reason")
    {
    }

    public TemplateRenderException(string message)
        : this("body", message)
    {
    }

    public TemplateRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "body";
        Reason = message;
        Problems = [new TemplateProblem(Field, null, null, message)];
    }

    /// <summary>"subject" or "body".</summary>
    public string Field { get; }

    public string Reason { get; }

    public IReadOnlyList<TemplateProblem> Problems { get; }
}

/// <summary>The rendered text still holds template markup ("{{", "}}", "{%", "%}"): the message must not go out.</summary>
public sealed class UnrenderedTemplateException : TemplateRenderException
{
    public UnrenderedTemplateException(string field, string excerpt)
        : base(field, $"the rendered text still contains template markup near \"{excerpt}\"")
    {
        Excerpt = excerpt;
    }

    public UnrenderedTemplateException()
        : this("body", "")
    {
    }

    public UnrenderedTemplateException(string message)
        : this("body", message)
    {
    }

    public UnrenderedTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Excerpt = "";
    }

    public string Excerpt { get; }
}

/// <summary>
/// Validates and renders the Liquid templates of sequence variants. Templates are plain text (blank lines
/// between paragraphs, bare URLs); the output is never HTML-encoded. Parsed templates are cached by their text,
/// so a variant sent to thousands of contacts is parsed once; all methods are safe to call from many threads.
/// </summary>
public sealed partial class MessageTemplates
{
    public const string SubjectField = "subject";
    public const string BodyField = "body";

    // Bounds on one render, so a template cannot make the silo loop or allocate without end: statements run,
    // characters written, and the size of any value a filter or assign produces.
    private const int MaxSteps = 20_000;
    private const int MaxOutputLength = 100_000;
    private const int MaxValueLength = 10_000;
    private const int MaxListLength = 1_000;
    private const int DefaultCacheCapacity = 4096;

    private static readonly FluidParser Parser = new();

    private readonly TemplateOptions options;
    private readonly ConcurrentDictionary<(string Field, string Source), ParsedTemplate> cache = new();
    private readonly int cacheCapacity;

    public MessageTemplates(TimeProvider? timeProvider = null, int cacheCapacity = DefaultCacheCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheCapacity, 1);
        var time = timeProvider ?? TimeProvider.System;
        this.cacheCapacity = cacheCapacity;
        options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture,
            MaxSteps = MaxSteps,
            MaxRecursion = 16,
            StrictFilters = true,
            Now = time.GetUtcNow,
            Assigned = (_, value, _) => new(Bounded(value)),
        };
        foreach (var (name, filter) in options.Filters.ToList())
        {
            options.Filters.AddFilter(name, async (input, arguments, context) => Bounded(await filter(input, arguments, context)));
        }
    }

    /// <summary>A filter's or assign's result, refused when it outgrows what any message needs (append in a loop doubles).</summary>
    private static FluidValue Bounded(FluidValue value) => value switch
    {
        StringValue text when text.ToStringValue().Length > MaxValueLength =>
            throw new InvalidOperationException($"a value grows beyond {MaxValueLength:N0} characters"),
        ArrayValue list when list.Values.Count > MaxListLength =>
            throw new InvalidOperationException($"a list grows beyond {MaxListLength:N0} items"),
        _ => value,
    };

    /// <summary>Checks a variant's templates when it is saved: syntax, variables, filters and text that would leave markup in the mail.</summary>
    public TemplateCheck Check(string? subject, string body)
    {
        var problems = new List<TemplateProblem>();
        var variables = new SortedSet<string>(StringComparer.Ordinal);
        if (subject is not null)
        {
            Collect(SubjectField, subject, problems, variables);
        }

        Collect(BodyField, body ?? "", problems, variables);
        return new TemplateCheck(problems, variables.ToArray());
    }

    /// <summary>
    /// Renders a variant's subject and body for one contact. Missing data writes the variable's fallback. Throws
    /// <see cref="UnrenderedTemplateException"/> when the text would still hold markup, and
    /// <see cref="TemplateRenderException"/> when the template is invalid or cannot be rendered.
    /// </summary>
    public RenderedContent Render(SequenceVariant variant, TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(model);
        var subject = variant.Subject is null ? null : RenderField(SubjectField, variant.Subject, model);
        return new RenderedContent(subject, RenderField(BodyField, variant.Body ?? "", model));
    }

    private void Collect(string field, string source, List<TemplateProblem> problems, SortedSet<string> variables)
    {
        var parsed = Parse(field, source);
        problems.AddRange(parsed.Problems);
        variables.UnionWith(parsed.Variables);
    }

    private string RenderField(string field, string source, TemplateModel model)
    {
        var parsed = Parse(field, source);
        if (parsed.Template is null || parsed.Blocking)
        {
            throw new TemplateRenderException(field, parsed.Problems[0].Reason, parsed.Problems);
        }

        // Rendered before the other problems are raised, so a template that would leave markup says so by its own exception.
        var output = Normalize(field, RenderRaw(field, parsed.Template, model));

        if (MarkupAt(output) is { } at)
        {
            var start = Math.Max(0, at - 20);
            throw new UnrenderedTemplateException(field, output[start..Math.Min(output.Length, at + 22)]);
        }

        if (parsed.Problems.Count > 0)
        {
            throw new TemplateRenderException(field, parsed.Problems[0].Reason, parsed.Problems);
        }

        if (parsed.Links.FirstOrDefault(l => !model.HasLink(l)) is { } missing)
        {
            throw new TemplateRenderException(field, $"it uses links.{missing}, which this send does not carry");
        }

        if (output.Length == 0)
        {
            throw new TemplateRenderException(field, "it renders to nothing");
        }

        return output;
    }

    private string RenderRaw(string field, IFluidTemplate template, TemplateModel model)
    {
        var context = new TemplateContext(options);
        model.Populate(context);
        using var writer = new BoundedWriter(MaxOutputLength);
        try
        {
            var rendering = template.RenderAsync(writer, NullEncoder.Default, context);
            // Every value of the model is at hand, so the render completes synchronously; the wait is for form's sake.
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever Fluid throws (FluidException, InvalidOperationException, format and arithmetic errors) becomes
            // the one exception callers handle: nothing half-rendered ever leaves here.
            // Fluid reports a step limit as "recursion"; the user needs to know the template loops too long.
            var reason = e is BoundedWriter.FullException ? $"it renders more than {MaxOutputLength:N0} characters"
                : e.Message.Contains("recursion", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("steps", StringComparison.OrdinalIgnoreCase) ? "it loops or nests too deeply"
                : e.Message.StartsWith("a value grows", StringComparison.Ordinal) || e.Message.StartsWith("a list grows", StringComparison.Ordinal) ? e.Message
                : $"it failed while rendering ({e.Message})";
            throw new TemplateRenderException(field, reason);
        }

        return writer.ToString();
    }

    private ParsedTemplate Parse(string field, string source)
    {
        if (cache.TryGetValue((field, source), out var parsed))
        {
            return parsed;
        }

        parsed = ParseUncached(field, source);
        if (cache.Count >= cacheCapacity)
        {
            // Variants change rarely; when the cache is full of old texts, starting over is cheaper than tracking use.
            cache.Clear();
        }

        return cache.GetOrAdd((field, source), parsed);
    }

    private ParsedTemplate ParseUncached(string field, string source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            var reason = field == SubjectField
                ? "The subject is empty; leave it out to reply in the earlier message's thread."
                : "The body is empty.";
            return ParsedTemplate.Invalid(new TemplateProblem(field, null, null, reason));
        }

        IFluidTemplate? template;
        string? error;
        try
        {
            if (!Parser.TryParse(source, out template, out error))
            {
                return ParsedTemplate.Invalid(SyntaxProblem(field, error));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ParsedTemplate.Invalid(SyntaxProblem(field, e.Message));
        }

        var (findings, variables, links) = TemplateInspector.Inspect(template, source, options.Filters);
        var problems = findings.Select(f => new TemplateProblem(field, f.Line, f.Column, f.Reason)).ToList();
        var blocking = findings.Any(f => f.Blocking);
        if (problems.Count == 0)
        {
            // Try the template with every variable filled and with none: what the walk cannot see (markup built by
            // filters, a loop that never ends) shows in these renders.
            foreach (var filled in (ReadOnlySpan<bool>)[true, false])
            {
                try
                {
                    var output = Normalize(field, RenderRaw(field, template, TemplateModel.ForTrial(filled, links)));
                    if (MarkupAt(output) is not null)
                    {
                        problems.Add(new TemplateProblem(field, null, null,
                            $"The {field} would still show template markup once rendered{(filled ? "" : " for a contact without data")}."));
                        break;
                    }

                    if (output.Length == 0 && filled)
                    {
                        problems.Add(new TemplateProblem(field, null, null, $"The {field} renders to nothing."));
                        break;
                    }
                }
                catch (TemplateRenderException e)
                {
                    problems.Add(new TemplateProblem(field, null, null, $"The {field} cannot be rendered: {e.Reason}."));
                    blocking = true;
                    break;
                }
            }
        }

        return new ParsedTemplate(template, problems, blocking, variables, links);
    }

    /// <summary>Fluid says "End of tag '}}' was expected at (1:25)\nSource: ..."; the user reads what to fix, with the position apart.</summary>
    private static TemplateProblem SyntaxProblem(string field, string? error)
    {
        var match = FluidError().Match(error ?? "");
        var message = match.Success ? match.Groups["message"].Value.Trim() : (error ?? "").Split('\n')[0].Trim();
        int? line = match.Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : null;
        int? column = match.Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : null;
        return new TemplateProblem(field, line, column, Explain(message));
    }

    private static string Explain(string message)
    {
        if (message.StartsWith("End of tag '}}' was expected", StringComparison.Ordinal))
        {
            return "A '{{' is not closed with '}}' (or what is inside it is not a variable, text or number).";
        }

        if (message.StartsWith("End of tag '%}' was expected", StringComparison.Ordinal))
        {
            return "A '{%' tag is not closed with '%}' (or what is inside it is not valid).";
        }

        if (EndTagExpected().Match(message) is { Success: true } end)
        {
            var tag = end.Groups["tag"].Value;
            return $"A {{% {tag} %}} block is never closed; add {{% end{tag} %}}.";
        }

        if (UnknownTag().Match(message) is { Success: true } unknown)
        {
            var tag = unknown.Groups["tag"].Value;
            return tag.StartsWith("end", StringComparison.Ordinal)
                ? $"{{% {tag} %}} closes a block that was never opened."
                : $"'{{% {tag} %}}' is not a Liquid tag; variables are written {{{{ {tag} }}}}.";
        }

        if (InvalidTag().Match(message) is { Success: true } invalid)
        {
            var tag = invalid.Groups["tag"].Value;
            return tag switch
            {
                "for" => "This {% for %} tag is incomplete; write {% for item in list %}.",
                "if" or "unless" => $"This {{% {tag} %}} tag needs a condition and must end with '%}}', e.g. {{% {tag} contact.title %}}.",
                _ => $"This {{% {tag} %}} tag is not written correctly.",
            };
        }

        if (message.StartsWith("An identifier was expected after the '|' sign", StringComparison.Ordinal))
        {
            return "A '|' must be followed by a filter name, e.g. | upcase.";
        }

        if (message.StartsWith("Not end tag found for {% raw %}", StringComparison.Ordinal))
        {
            return "A {% raw %} block is never closed; add {% endraw %}.";
        }

        return message.Length == 0 ? "The template is not valid Liquid." : message.TrimEnd('.') + ".";
    }

    /// <summary>Rendered text as sent: the subject on one line; the body with LF line ends, no trailing spaces, at most one blank line in a row.</summary>
    private static string Normalize(string field, string output)
    {
        if (field == SubjectField)
        {
            return Whitespace().Replace(output, " ").Trim();
        }

        var text = new StringBuilder(output.Length);
        var blankLines = 0;
        foreach (var rawLine in output.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(blankLines > 0 ? "\n\n" : "\n");
            }

            text.Append(line);
            blankLines = 0;
        }

        return text.ToString();
    }

    private static int? MarkupAt(string text)
    {
        var at = -1;
        foreach (var marker in (ReadOnlySpan<string>)["{{", "}}", "{%", "%}"])
        {
            var i = text.IndexOf(marker, StringComparison.Ordinal);
            if (i >= 0 && (at < 0 || i < at))
            {
                at = i;
            }
        }

        return at < 0 ? null : at;
    }

    [GeneratedRegex(@"^(?<message>.*?) at \((?<line>\d+):(?<column>\d+)\)", RegexOptions.Singleline)]
    private static partial Regex FluidError();

    [GeneratedRegex(@"^'\{% end(?<tag>\w+) %\}' was expected")]
    private static partial Regex EndTagExpected();

    [GeneratedRegex(@"^Unknown tag '(?<tag>[^']*)'")]
    private static partial Regex UnknownTag();

    [GeneratedRegex(@"^Invalid '(?<tag>\w+)' tag")]
    private static partial Regex InvalidTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A parsed template and what is wrong with it; <see cref="Blocking"/> when it must not even be rendered.</summary>
    private sealed record ParsedTemplate(
        IFluidTemplate? Template, IReadOnlyList<TemplateProblem> Problems, bool Blocking, IReadOnlyList<string> Variables, IReadOnlyList<string> Links)
    {
        public static ParsedTemplate Invalid(TemplateProblem problem) => new(null, [problem], true, [], []);
    }

    /// <summary>Collects rendered text and stops the render once it passes the limit, before it can fill memory.</summary>
    private sealed class BoundedWriter(int limit) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            Reserve(1);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Reserve(count);
            base.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Reserve(buffer.Length);
            base.Write(buffer);
        }

        public override void Write(string? value)
        {
            Reserve(value?.Length ?? 0);
            base.Write(value);
        }

        public override Task WriteAsync(char value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(char[] buffer, int index, int count)
        {
            Write(buffer, index, count);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return Task.CompletedTask;
        }

        private void Reserve(int count)
        {
            if (GetStringBuilder().Length + count > limit)
            {
                throw new FullException();
            }
        }

        public sealed class FullException : Exception
        {
            public FullException()
                : base("The rendered text is too long.")
            {
            }

            public FullException(string message)
                : base(message)
            {
            }

            public FullException(string message, Exception innerException)
                : base(message, innerException)
            {
            }
        }
    }
}
