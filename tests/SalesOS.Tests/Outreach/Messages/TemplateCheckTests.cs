using SalesOS.Outreach.Messages;
using static SalesOS.Tests.Outreach.Messages.MessageSamples;

namespace SalesOS.Tests.Outreach.Messages;

/// <summary>What a user sees when saving a variant: each problem with its field, its place and a reason in words.</summary>
public sealed class TemplateCheckTests
{
    private readonly MessageTemplates templates = new();

    [Fact]
    public void Check_TypicalTemplate_IsValidAndListsItsVariables()
    {
        var check = templates.Check(TypicalSubject, TypicalBody);
        Assert.True(check.IsValid, string.Join("; ", check.Problems));
        Assert.Contains("contact.first_name", check.Variables);
        Assert.Contains("sender.calendar_link", check.Variables);
        Assert.Contains(TemplateVocabulary.UnsubscribeUrl, check.Variables);
    }

    [Theory]
    [InlineData("Hi {{ contact.frist_name }}", "contact.first_name")]
    [InlineData("Hi {{ contact.firstname }}", "contact.first_name")]
    [InlineData("At {{ company.nmae }}", "company.name")]
    [InlineData("At {{ compnay.name }}", "company.name")]
    [InlineData("Hi {{ first_name }}", "contact.first_name")]
    [InlineData("{{ sender.calender_link }}", "sender.calendar_link")]
    [InlineData("{{ unsubscribe_link }}", "unsubscribe_url")]
    public void Check_MisspeltVariable_SuggestsTheRightOne(string body, string suggestion)
    {
        var problem = Assert.Single(templates.Check(null, body).Problems);
        Assert.Equal("body", problem.Field);
        Assert.Contains("is not a variable", problem.Reason, StringComparison.Ordinal);
        Assert.Contains($"did you mean '{suggestion}'", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(1, problem.Line);
        Assert.NotNull(problem.Column);
    }

    [Fact]
    public void Check_UnknownVariable_GivesLineAndColumn()
    {
        var problem = Assert.Single(templates.Check(null, "Hi {{ contact.first_name }},\n\nHow is {{ company.weather }} today?").Problems);
        Assert.Equal((3, 11), (problem.Line, problem.Column));
        Assert.Contains("'company.weather'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownRootWithoutLikeness_NamesTheRoots()
    {
        var problem = Assert.Single(templates.Check(null, "{{ weather.today }}").Problems);
        Assert.Contains("variables start with contact, company, sender", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ProblemInSubject_NamesTheSubject()
    {
        var check = templates.Check("Quick one, {{ contact.frist_name }}", "Body is {{ contact.first_name }}");
        var problem = Assert.Single(check.Problems);
        Assert.Equal("subject", problem.Field);
    }

    [Theory]
    [InlineData("Hi {{ contact.first_name", 1, "'{{' is not closed")]
    [InlineData("Hi {{ contact.first_name }", 1, "'{{' is not closed")]
    [InlineData("Hello\n{% if contact.title %}As {{ contact.title }}", 2, "{% if %} block is never closed; add {% endif %}")]
    [InlineData("{% for t in company.technologies %}{{ t }}", 1, "{% for %} block is never closed")]
    [InlineData("Hi\nthere {% endif %}", 2, "{% endif %} closes a block that was never opened")]
    [InlineData("{% first_name %}", 1, "not a Liquid tag; variables are written {{ first_name }}")]
    [InlineData("{{ contact.first_name | }}", 1, "'|' must be followed by a filter name")]
    [InlineData("{% for %}x{% endfor %}", 1, "{% for item in list %}")]
    [InlineData("{% if %}x{% endif %}", 1, "needs a condition")]
    [InlineData("{% raw %}x", 1, "{% raw %} block is never closed")]
    [InlineData("Hi {% contact.first_name", 1, "'{% contact %}' is not a Liquid tag")]
    [InlineData("Hi {% if contact.first_name", 1, "must end with '%}'")]
    public void Check_SyntaxError_ExplainsItWithThePosition(string body, int line, string reason)
    {
        var problem = Assert.Single(templates.Check(null, body).Problems);
        Assert.Equal("body", problem.Field);
        Assert.Equal(line, problem.Line);
        Assert.NotNull(problem.Column);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ contact.first_name | defualt: 'x' }}", "did you mean 'default'")]
    [InlineData("{{ contact.first_name | upcasee }}", "did you mean 'upcase'")]
    [InlineData("{{ contact.first_name | shout }}", "'shout' is not a Liquid filter")]
    public void Check_UnknownFilter_IsAProblem(string body, string reason)
    {
        var problem = Assert.Single(templates.Check(null, body).Problems);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi }} there", "'}}' appears as plain text")]
    [InlineData("Use 50%} off", "'%}' appears as plain text")]
    [InlineData("{% raw %}{{ first_name }}{% endraw %}", "'{{' appears as plain text")]
    [InlineData("Hi {{ '{{x}}' }}", "quoted text")]
    [InlineData("Hi {{ '{' | append: '{' }}x", "would still show template markup")]
    public void Check_TextThatWouldLeaveMarkup_IsAProblem(string body, string reason)
    {
        var problem = Assert.Single(templates.Check(null, body).Problems);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% include 'footer' %}", "cannot include")]
    [InlineData("{% render 'footer' %}", "cannot render")]
    [InlineData("{{ contact }}", "'contact' needs a field, e.g. 'contact.first_name'")]
    [InlineData("{{ contact.first_name.initial }}", "has no member 'initial'")]
    [InlineData("{{ links.case-study }}", "is not a variable")]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}", "A range may span at most 1,000 numbers")]
    [InlineData("{% for i in (1..company.employees) %}x{% endfor %}", "A range must be written with numbers")]
    [InlineData("{% for a in (1..999) %}{% for b in (1..999) %}x{% endfor %}{% endfor %}", "loops or nests too deeply")]
    [InlineData("{% capture c %}{{ c }}{{ c }}{% endcapture %}", "{% capture %} is not available")]
    [InlineData("{% tablerow t in company.technologies %}{{ t }}{% endtablerow %}", "{% tablerow %} writes HTML tables")]
    [InlineData("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}", "a value grows beyond 10,000 characters")]
    [InlineData("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..9) %}{% assign s = s | append: s %}{% endfor %}{% for i in (1..999) %}{{ s }}{% endfor %}", "renders more than 100,000 characters")]
    [InlineData("{% assign l = 'x' | split: ',' %}{% for i in (1..12) %}{% assign l = l | concat: l %}{% endfor %}", "a list grows beyond 1,000 items")]
    public void Check_WhatAMessageCannotDo_IsAProblem(string body, string reason)
    {
        var problems = templates.Check(null, body).Problems;
        Assert.Contains(problems, p => p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{% assign greeting = 'Hey' %}{{ greeting }} {{ contact.first_name }}")]
    [InlineData("{% for t in company.technologies %}{{ t }}{% unless forloop.last %}, {% endunless %}{% endfor %}")]
    [InlineData("{{ company.technologies.size }} tools, first {{ company.technologies.first }}, second {{ company.technologies[1] }}")]
    [InlineData("{{ contact['first_name'] }} at {{ company.employees | plus: 1 }}")]
    [InlineData("{% if company.employees > 100 %}big{% endif %} {{ contact.title | downcase | default: 'leader' }}")]
    [InlineData("Read {{ links.case_study }}")]
    [InlineData("{% comment %}{{ not shown }}{% endcomment %}Hello")]
    public void Check_ValidLiquid_IsAccepted(string body)
    {
        var check = templates.Check(null, body);
        Assert.True(check.IsValid, string.Join("; ", check.Problems));
    }

    [Theory]
    [InlineData("", "The subject is empty; leave it out")]
    [InlineData("   ", "The subject is empty; leave it out")]
    public void Check_EmptySubject_TellsToLeaveItOut(string subject, string reason)
    {
        var problem = Assert.Single(templates.Check(subject, "Hello").Problems);
        Assert.Equal(("subject", true), (problem.Field, problem.Reason.StartsWith(reason, StringComparison.Ordinal)));
    }

    [Fact]
    public void Check_EmptyBody_IsAProblem()
    {
        var problem = Assert.Single(templates.Check("Hi", "").Problems);
        Assert.Equal("body", problem.Field);
    }

    [Fact]
    public void Check_SeveralProblems_AreAllReported()
    {
        var check = templates.Check("Hi {{ contact.frist_name }}", "{{ company.nmae }} and {{ sender.titel }} and {{ contact.title | nope }}");
        Assert.Equal(4, check.Problems.Count);
        Assert.Equal(["body", "body", "body", "subject"], check.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Vocabulary_EveryVariableIsDocumented()
    {
        Assert.All(TemplateVocabulary.Variables, v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Description));
            Assert.False(string.IsNullOrWhiteSpace(v.Example));
            Assert.True(templates.Check(null, $"{{{{ {v.Name} }}}}").IsValid, v.Name);
        });
        Assert.Equal(TemplateVocabulary.Variables.Count, TemplateVocabulary.Variables.Select(v => v.Name).Distinct().Count());
    }
}
