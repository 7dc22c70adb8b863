using System.Text;
using SalesOS.Outreach.Messages;
using static SalesOS.Tests.Outreach.Messages.MessageSamples;

namespace SalesOS.Tests.Outreach.Messages;

/// <summary>
/// Templates glued from Liquid fragments, broken and whole, with fixed seeds: each one either renders text without
/// markup or throws the named exception. Nothing else may come out, for a contact with data and one without.
/// </summary>
public sealed class TemplateFuzzTests
{
    private static readonly string[] Fragments =
    [
        "{{", "}}", "{%", "%}", "{", "}", "%", "{{ ", " }}", "{% ", " %}", "{%- ", " -%}", "{{- ", " -}}",
        "contact.first_name", "contact.frist_name", "company.name", "company.technologies", "sender.calendar_link", "unsubscribe_url",
        "links.case_study", "first_name", "contact", ".", "[0]", "['first_name']", ".size",
        " | ", "default: 'friend'", "upcase", "append: '{'", "prepend: '}'", "append: '%}'", "join: '{{'", "split: ','", "defualt",
        "if ", "endif", "else", "for t in ", "endfor", "raw", "endraw", "comment", "endcomment", "assign x = ", "capture c", "endcapture",
        "unless ", "endunless", "case ", "when ", "endcase", "include 'x'", "(1..3)", "(1..99999999)",
        "'", "\"", "==", " and ", " or ", "contains", "empty", "nil", "true",
        "Hi ", "there", ",", "\n", "\n\n", "\r\n", " ", "https://acme.com/x?y={{z}}", "100%", "ü", "山田", "😀",
    ];

    [Fact]
    public void RandomTemplates_RenderCleanOrThrowTheNamedException()
    {
        var templates = new MessageTemplates();
        var models = new[] { Model(links: new Dictionary<string, string> { ["case_study"] = "https://salesos.example/c" }), BlankModel() };
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var subject = random.Next(4) == 0 ? null : Compose(random, 1 + random.Next(6));
            var body = Compose(random, 1 + random.Next(24));
            var check = templates.Check(subject, body);
            foreach (var model in models)
            {
                string outcome;
                try
                {
                    var rendered = templates.Render(Variant(subject, body), model);
                    AssertClean(rendered.Subject, seed, subject);
                    AssertClean(rendered.Body, seed, body);
                    // A template that renders is one the save-time check let through.
                    Assert.True(check.IsValid, $"seed {seed}: rendered although the check found {string.Join("; ", check.Problems)}");
                    outcome = "rendered";
                }
                catch (UnrenderedTemplateException e)
                {
                    Assert.True(e.Field is "subject" or "body");
                    outcome = "unrendered";
                }
                catch (TemplateRenderException e)
                {
                    Assert.True(e.Field is "subject" or "body");
                    Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                    outcome = "refused";
                }

                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }

        // The generator must reach every outcome, or the test proves less than it claims.
        Assert.True(outcomes.GetValueOrDefault("rendered") > 100, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("refused") > 100, string.Join(", ", outcomes));
    }

    [Fact]
    public void MarkupBuiltAtRenderTime_IsCaught()
    {
        // Every way to spell "{{" through filters and concatenation: the render must throw, not send it.
        var templates = new MessageTemplates();
        string[] bodies =
        [
            "Hi {{ '{' }}{{ '{' }}first_name}}",
            "Hi {{ '{' | append: '{' }}",
            "Hi {{ '%' | prepend: '{' }}",
            "Hi {% assign o = '{' %}{{ o }}{{ o }}",
            "Hi {{ 'a}' | append: '}' }}",
            "Hi {% for i in (1..2) %}{{ '{' }}{% endfor %}",
            "Hi {% if contact.first_name == 'Jane' %}{{ '{' | append: '%' }}{% endif %}",
        ];
        foreach (var body in bodies)
        {
            Assert.False(templates.Check(null, body).IsValid, body);
            var thrown = Record.Exception(() => templates.Render(Variant(null, body), Model()));
            Assert.True(thrown is TemplateRenderException, $"{body}: {thrown?.GetType().Name ?? "rendered"}");
        }
    }

    private static string Compose(Random random, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            // Mostly whole expressions, which render, and now and then a loose fragment, which breaks them.
            text.Append(random.Next(3) switch
            {
                0 => $"{{{{ {Pick(random, ["contact.first_name", "company.name", "contact.frist_name", "company.technologies", "links.case_study", "unsubscribe_url"])}{(random.Next(3) == 0 ? " | " + Pick(random, ["upcase", "default: 'x'", "append: '{'", "defualt"]) : "")} }}}}",
                1 => Pick(random, ["Hi ", "there", ", ", "\n\n", "ü 山田 ", "https://acme.com/a "]),
                _ => Pick(random, Fragments),
            });
        }

        return text.ToString();
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static void AssertClean(string? text, int seed, string? template)
    {
        if (text is null)
        {
            return;
        }

        foreach (var marker in new[] { "{{", "}}", "{%", "%}" })
        {
            Assert.False(text.Contains(marker, StringComparison.Ordinal), $"seed {seed}: '{marker}' in output of template [{template}]: [{text}]");
        }
    }
}
