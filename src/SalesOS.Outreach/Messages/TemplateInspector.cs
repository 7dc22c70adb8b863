using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;

namespace SalesOS.Outreach.Messages;

/// <summary>
/// A problem found in a parsed template, before the field it belongs to is known. A blocking problem keeps the
/// template from rendering at all; the others (text that would show as markup) let it render and fail on its output.
/// </summary>
internal sealed record TemplateFinding(int? Line, int? Column, string Reason, bool Blocking = true);

/// <summary>
/// Walks a parsed template and judges what it refers to against <see cref="TemplateVocabulary"/>: unknown
/// variables and filters, tags a message cannot use, and literal text that would leave markup in the mail.
/// </summary>
internal sealed class TemplateInspector : AstVisitor
{
    // Members Liquid gives every text and list.
    private static readonly HashSet<string> BuiltInMembers = new(StringComparer.Ordinal) { "size", "first", "last" };

    private static readonly HashSet<string> LoopVariables = new(StringComparer.Ordinal) { "forloop" };

    /// <summary>Fluid builds a range in memory before looping over it: (1..100000000) would take seconds and gigabytes.</summary>
    public const int MaxRange = 1000;

    private readonly string source;
    private readonly FilterCollection filters;
    private readonly HashSet<string> locals = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<MemberSegment>> members = [];
    private readonly List<TemplateFinding> findings = [];
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);

    private TemplateInspector(string source, FilterCollection filters)
    {
        this.source = source;
        this.filters = filters;
    }

    public static (IReadOnlyList<TemplateFinding> Findings, IReadOnlyList<string> Variables, IReadOnlyList<string> Links) Inspect(
        IFluidTemplate template, string source, FilterCollection filters)
    {
        var inspector = new TemplateInspector(source, filters);
        inspector.VisitTemplate(template);
        var variables = new SortedSet<string>(StringComparer.Ordinal);
        var links = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var segments in inspector.members)
        {
            if (inspector.Judge(segments) is { } variable)
            {
                variables.Add(variable);
                if (variable.StartsWith(TemplateVocabulary.LinkPrefix, StringComparison.Ordinal))
                {
                    links.Add(variable[TemplateVocabulary.LinkPrefix.Length..]);
                }
            }
        }

        return (inspector.findings, variables.ToArray(), links.ToArray());
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        members.Add(memberExpression.Segments);
        return base.VisitMemberExpression(memberExpression);
    }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        if (!filters.TryGetValue(filterExpression.Name, out _))
        {
            var suggestion = filters.Select(f => f.Key)
                .OrderBy(f => TemplateVocabulary.EditDistance(filterExpression.Name, f))
                .FirstOrDefault(f => TemplateVocabulary.EditDistance(filterExpression.Name, f) <= 2);
            Report(filterExpression.Name,
                $"'{filterExpression.Name}' is not a Liquid filter{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}");
        }

        return base.VisitFilterExpression(filterExpression);
    }

    protected override Expression VisitLiteralExpression(LiteralExpression literalExpression)
    {
        if (literalExpression.Value is StringValue text && TemplateModel.ContainsMarkup(text.ToStringValue()))
        {
            Report(text.ToStringValue(), $"The quoted text \"{Clip(text.ToStringValue())}\" contains template markup, which would show in the message", blocking: false);
        }

        return base.VisitLiteralExpression(literalExpression);
    }

    protected override Statement VisitTextSpanStatement(TextSpanStatement textSpanStatement)
    {
        CheckText(textSpanStatement.Text.ToString());
        return base.VisitTextSpanStatement(textSpanStatement);
    }

    protected override Statement VisitRawStatement(RawStatement rawStatement)
    {
        CheckText(rawStatement.Text.ToString());
        return base.VisitRawStatement(rawStatement);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        locals.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        // A capture that writes itself out again doubles per pass and grows past any bound before a step limit
        // notices; a message has no need of it.
        locals.Add(captureStatement.Identifier);
        Report("capture", "{% capture %} is not available in messages; use {% assign %} with filters instead");
        return base.VisitCaptureStatement(captureStatement);
    }

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
    {
        if (rangeExpression.From is not LiteralExpression { Value: NumberValue from } || rangeExpression.To is not LiteralExpression { Value: NumberValue to })
        {
            Report("..", "A range must be written with numbers, e.g. (1..3)");
        }
        else if (Math.Abs(to.ToNumberValue() - from.ToNumberValue()) >= MaxRange)
        {
            Report("..", $"A range may span at most {MaxRange:N0} numbers");
        }

        return base.VisitRangeExpression(rangeExpression);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        locals.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }

    protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
    {
        locals.Add(tableRowStatement.Identifier);
        Report("tablerow", "{% tablerow %} writes HTML tables; a message is plain text, use {% for %}");
        return base.VisitTableRowStatement(tableRowStatement);
    }

    protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement)
    {
        locals.Add(incrementStatement.Identifier);
        return base.VisitIncrementStatement(incrementStatement);
    }

    protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement)
    {
        locals.Add(decrementStatement.Identifier);
        return base.VisitDecrementStatement(decrementStatement);
    }

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
    {
        Report("include", "A message cannot include other templates ({% include %})");
        return base.VisitIncludeStatement(includeStatement);
    }

    protected override Statement VisitRenderStatement(RenderStatement renderStatement)
    {
        Report("render", "A message cannot render other templates ({% render %})");
        return base.VisitRenderStatement(renderStatement);
    }

    protected override Statement VisitFromStatement(FromStatement fromStatement)
    {
        Report("from", "A message cannot import other templates ({% from %})");
        return base.VisitFromStatement(fromStatement);
    }

    protected override Statement VisitMacroStatement(MacroStatement macroStatement)
    {
        Report("macro", "Macros are not available in messages");
        return base.VisitMacroStatement(macroStatement);
    }

    private void CheckText(string text)
    {
        foreach (var marker in (ReadOnlySpan<string>)["{{", "}}", "{%", "%}"])
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                Report(marker, $"'{marker}' appears as plain text and would show in the message; check that every '{{{{' and '{{%' is closed", blocking: false);
                return;
            }
        }
    }

    /// <summary>The vocabulary variable a member expression names, or null (after reporting why) when it names none.</summary>
    private string? Judge(IReadOnlyList<MemberSegment> segments)
    {
        if (segments.Count == 0 || segments[0] is not IdentifierSegment { Identifier: var root })
        {
            return null;
        }

        if (locals.Contains(root) || LoopVariables.Contains(root))
        {
            return null;
        }

        var names = segments.Select(s => s switch
        {
            IdentifierSegment identifier => identifier.Identifier,
            IndexerSegment { Expression: LiteralExpression { Value: StringValue key } } => key.ToStringValue(),
            _ => null,
        }).ToList();

        var length = root switch
        {
            TemplateVocabulary.UnsubscribeUrl => 1,
            _ when TemplateVocabulary.Roots.Contains(root) => 2,
            _ => 0,
        };

        if (length == 0)
        {
            var written = string.Join('.', names.TakeWhile(n => n is not null));
            var suggestion = TemplateVocabulary.Suggest(written);
            Report(written, $"'{written}' is not a variable{(suggestion is null ? $"; variables start with {string.Join(", ", TemplateVocabulary.Roots)}" : $"; did you mean '{suggestion}'?")}");
            return null;
        }

        if (names.Count < length || names.Take(length).Any(n => n is null))
        {
            Report(root, $"'{root}' needs a field, e.g. '{TemplateVocabulary.Variables.First(v => v.Name.StartsWith(root + ".", StringComparison.Ordinal)).Name}'");
            return null;
        }

        var name = string.Join('.', names.Take(length));
        if (!TemplateVocabulary.IsKnown(name))
        {
            var suggestion = TemplateVocabulary.Suggest(name);
            Report(name, $"'{name}' is not a variable{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}");
            return null;
        }

        var kind = TemplateVocabulary.Find(name)?.Kind ?? TemplateValueKind.Link;
        foreach (var (segment, member) in segments.Skip(length).Zip(names.Skip(length)))
        {
            var allowed = member is not null ? BuiltInMembers.Contains(member) : kind == TemplateValueKind.List && segment is IndexerSegment;
            if (!allowed)
            {
                Report(name, $"'{name}' has no member '{member ?? "[...]"}'; only .size{(kind == TemplateValueKind.List ? ", .first, .last and [n]" : "")} can follow it");
                return null;
            }

            // Past .first or [n] of a list the value is one text: only .size may follow.
            kind = TemplateValueKind.Text;
        }

        return name;
    }

    private void Report(string near, string reason, bool blocking = true)
    {
        if (!reported.Add(reason))
        {
            return;
        }

        var (line, column) = Locate(near);
        findings.Add(new TemplateFinding(line, column, reason + ".", blocking));
    }

    private (int? Line, int? Column) Locate(string near)
    {
        var index = source.IndexOf(near, StringComparison.Ordinal);
        if (index < 0)
        {
            return (null, null);
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
