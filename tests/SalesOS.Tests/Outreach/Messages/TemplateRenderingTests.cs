using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Prospecting;
using SalesOS.Outreach.Messages;
using static SalesOS.Tests.Outreach.Messages.MessageSamples;

namespace SalesOS.Tests.Outreach.Messages;

public sealed class TemplateRenderingTests
{
    private readonly MessageTemplates templates = new();

    private string Body(string body, TemplateModel model) => templates.Render(Variant(null, body), model).Body;

    public static TheoryData<string, string> FilledValues() => new()
    {
        { "contact.first_name", "Jane" },
        { "contact.last_name", "Doe" },
        { "contact.full_name", "Jane Doe" },
        { "contact.title", "VP of Sales" },
        { "contact.department", "Sales" },
        { "contact.email", "jane.doe@acme.com" },
        { "company.name", "Acme" },
        { "company.domain", "acme.com" },
        { "company.industry", "Software" },
        { "company.employees", "120" },
        { "company.size", "mid-sized" },
        { "company.country", "Germany" },
        { "company.technologies", "HubSpot, Slack and Notion" },
        { "company.top_technology", "HubSpot" },
        { "company.latest_signal", "hiring 4 sales roles" },
        { "company.hiring_roles", "SDR, Account Executive, RevOps Manager and Sales Engineer" },
        { "sender.first_name", "Sam" },
        { "sender.name", "Sam Carter" },
        { "sender.title", "Account Executive" },
        { "sender.company", "SalesOS" },
        { "sender.calendar_link", "https://cal.salesos.example/sam" },
        { "unsubscribe_url", Unsubscribe },
    };

    [Theory]
    [MemberData(nameof(FilledValues))]
    public void Render_VariableWithData_WritesTheData(string variable, string expected)
    {
        Assert.Equal($"<{expected}>", Body($"<{{{{ {variable} }}}}>", Model()));
    }

    [Fact]
    public void FilledValues_CoverEveryVocabularyVariable()
    {
        var covered = FilledValues().Select(row => (string)row[0]).ToHashSet();
        var uncovered = TemplateVocabulary.Variables.Select(v => v.Name).Where(n => !covered.Contains(n)).ToList();
        Assert.True(uncovered.Count == 0, string.Join(", ", uncovered));
    }

    public static TheoryData<string> VocabularyNames() => [.. TemplateVocabulary.Variables.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(VocabularyNames))]
    public void Render_VariableWithoutData_WritesItsFallback(string variable)
    {
        var expected = variable == TemplateVocabulary.UnsubscribeUrl ? Unsubscribe : TemplateVocabulary.Find(variable)!.Fallback;
        var model = new TemplateModel(BlankContact(), null, new SenderProfile("Sam", "sam@salesos.example"), new TemplateLinks(Unsubscribe));
        var rendered = Body($"<{{{{ {variable} }}}}>", model);
        // The sender always has a name: it is the only sender field without a fallback that stays filled.
        Assert.Equal(variable is "sender.name" or "sender.first_name" ? "<Sam>" : $"<{expected}>", rendered);
    }

    [Fact]
    public void Render_DefaultFilter_OverridesTheFallback()
    {
        Assert.Equal("Hi friend, welcome", Body("Hi {{ contact.first_name | default: 'friend' }}, welcome", BlankModel()));
        Assert.Equal("Hi Jane, welcome", Body("Hi {{ contact.first_name | default: 'friend' }}, welcome", Model()));
    }

    [Fact]
    public void Render_MissingValue_IsFalseInConditions()
    {
        const string body = "{% if contact.title %}As {{ contact.title }}{% else %}As a leader{% endif %}, {% if company.technologies == empty %}no stack{% else %}{{ company.technologies.size }} tools{% endif %}";
        Assert.Equal("As a leader, no stack", Body(body, BlankModel()));
        Assert.Equal("As VP of Sales, 3 tools", Body(body, Model()));
    }

    [Theory]
    [InlineData("Jürgen", "Müller-Lüdenscheidt", "Jürgen Müller-Lüdenscheidt")]
    [InlineData("Zoë", "O'Brien", "Zoë O'Brien")]
    [InlineData("太郎", "山田", "太郎 山田")]
    [InlineData("Łukasz", "Żółć", "Łukasz Żółć")]
    [InlineData("José María", "Núñez", "José María Núñez")]
    [InlineData("Αλέξανδρος", "Παπαδόπουλος", "Αλέξανδρος Παπαδόπουλος")]
    public void Render_UnicodeNames_StayAsWritten(string first, string last, string full)
    {
        var model = Model(Contact(first, last));
        var rendered = templates.Render(Variant("Für {{ contact.first_name }} & Co", "Hallo {{ contact.full_name }} <{{ contact.last_name | upcase }}>"), model);
        Assert.Equal($"Für {first} & Co", rendered.Subject);
        Assert.Equal($"Hallo {full} <{last.ToUpperInvariant()}>", rendered.Body);
    }

    [Fact]
    public void Render_TextIsNotHtmlEncoded()
    {
        Assert.Equal("O'Brien & Sons <sales>", Body("{{ company.name }} <sales>", Model(company: Company(name: "O'Brien & Sons"))));
    }

    [Fact]
    public void Render_DataCarryingMarkup_IsTakenAsMissing()
    {
        // A name scraped from a website must not inject markup into a mail.
        var model = Model(Contact(first: "{{ evil }}"), Company(name: "Acme {% raw %}"));
        Assert.Equal("Hi there from your team", Body("Hi {{ contact.first_name }} from {{ company.name }}", model));
        Assert.False(model.Facts.ContainsKey("contact.first_name"));
    }

    [Fact]
    public void Render_DataOnSeveralLines_IsPutOnOne()
    {
        var rendered = templates.Render(Variant("About {{ contact.title }}", "x"), Model(Contact(title: "VP\r\nSales\t Europe ")));
        Assert.Equal("About VP Sales Europe", rendered.Subject);
    }

    [Fact]
    public void Model_CompanyNamedByItsDomain_UsesTheFallback()
    {
        Assert.Equal("Hello your team at acme.com", Body("Hello {{ company.name }} at {{ company.domain }}", Model(company: BareCompany())));
    }

    [Fact]
    public void Model_WithoutCompany_TakesTheDomainFromTheContact()
    {
        var model = new TemplateModel(Contact(domain: "globex.com"), null, Sender(), new TemplateLinks(Unsubscribe));
        Assert.Equal("globex.com / your industry", Body("{{ company.domain }} / {{ company.industry }}", model));
    }

    [Theory]
    [InlineData(8, "early-stage")]
    [InlineData(50, "small")]
    [InlineData(51, "mid-sized")]
    [InlineData(1000, "large")]
    [InlineData(25000, "enterprise")]
    public void Model_Employees_GiveTheSizeWord(int employees, string size)
    {
        Assert.Equal(size, Body("{{ company.size }}", Model(company: Company(employees: employees))));
    }

    [Theory]
    [InlineData("DE", "Germany")]
    [InlineData("us", "United States")]
    [InlineData("UK", "United Kingdom")]
    [InlineData("Austria", "Austria")]
    [InlineData("ZZ", "ZZ")]
    public void Model_Country_ReadsInEnglish(string country, string expected)
    {
        Assert.Equal(expected, Body("{{ company.country }}", Model(company: Company(country: country))));
    }

    [Fact]
    public void Model_LatestSignal_IsTheNewestTalkingPoint()
    {
        var signals = new[]
        {
            new CompanySignal(SignalKinds.News, "Acme opens Berlin office", null, null, Now.AddDays(-30)),
            new CompanySignal(SignalKinds.Funding, "Raised $12M Series A", null, null, Now.AddDays(-3)),
            new CompanySignal(SignalKinds.WebsiteChange, "https://acme.com changed since the last crawl", null, null, Now),
        };
        var model = Model(company: Company(signals: signals));
        Assert.Equal("raised $12M Series A", Body("{{ company.latest_signal }}", model));
        Assert.Equal("new roles", Body("{{ company.hiring_roles }}", model));
        Assert.Contains("Acme opens Berlin office", model.Facts["company.signals"], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Lists_IterateAndJoin()
    {
        var body = "{% for t in company.technologies %}[{{ t }}]{% endfor %} {{ company.technologies | join: '/' }} {{ company.technologies[1] }} {{ company.technologies.last }}";
        Assert.Equal("[HubSpot][Slack][Notion] HubSpot/Slack/Notion Slack Notion", Body(body, Model()));
    }

    [Fact]
    public void Render_NamedLink_IsWrittenAndAMissingOneRefused()
    {
        var links = new Dictionary<string, string> { ["case_study"] = "https://salesos.example/cases/acme" };
        Assert.Equal("Read: https://salesos.example/cases/acme", Body("Read: {{ links.case_study }}", Model(links: links)));
        var refused = Assert.Throws<TemplateRenderException>(() => Body("Read: {{ links.case_study }}", Model()));
        Assert.Equal("body", refused.Field);
        Assert.Contains("links.case_study", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Body_KeepsParagraphsAndDropsNoise()
    {
        var body = "Hi {{ contact.first_name }},   \r\n\r\n\r\n\r\n{% if contact.title %}\nLine one\n{% endif %}\n\nBye  ";
        Assert.Equal("Hi Jane,\n\nLine one\n\nBye", Body(body, Model()));
    }

    [Fact]
    public void Render_NullSubject_StaysNullForAReplyInTheThread()
    {
        Assert.Null(templates.Render(Variant(null, "Just bumping this up, {{ contact.first_name }}."), Model()).Subject);
    }

    [Fact]
    public void Render_SubjectWithNewlines_IsOneLine()
    {
        Assert.Equal("Quick question Jane", templates.Render(Variant("Quick question\n{{ contact.first_name }}\n", "x"), Model()).Subject);
    }

    [Fact]
    public void Render_RawMarkupInOutput_ThrowsNamingTheField()
    {
        var subject = Assert.Throws<UnrenderedTemplateException>(() => templates.Render(Variant("Hi {% raw %}{{first_name}}{% endraw %}", "ok"), Model()));
        Assert.Equal("subject", subject.Field);
        Assert.Contains("{{first_name}}", subject.Excerpt, StringComparison.Ordinal);

        var body = Assert.Throws<UnrenderedTemplateException>(() => Body("Hi {{ '{' | append: '{' }}first_name}}", Model()));
        Assert.Equal("body", body.Field);
    }

    [Fact]
    public void Render_InvalidTemplate_ThrowsWithTheProblems()
    {
        var refused = Assert.Throws<TemplateRenderException>(() => Body("Hi {{ contact.frist_name }}", Model()));
        Assert.IsNotType<UnrenderedTemplateException>(refused);
        Assert.Contains("contact.first_name", refused.Problems.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EndlessLoop_IsRefusedNotRun()
    {
        var refused = Assert.Throws<TemplateRenderException>(() => Body("{% for a in (1..999) %}{% for b in (1..999) %}x{% endfor %}{% endfor %}", Model()));
        Assert.Contains("loops", refused.Reason, StringComparison.Ordinal);
        var huge = Assert.Throws<TemplateRenderException>(() => Body("{% for i in (1..100000000) %}x{% endfor %}", Model()));
        Assert.Contains("range", huge.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DateFilter_UsesTheInjectedClock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var rendered = new MessageTemplates(clock).Render(Variant(null, "Plans for {{ 'now' | date: '%Y' }}?"), Model());
        Assert.Equal("Plans for 2031?", rendered.Body);
    }

    [Fact]
    public void Render_TypicalTemplate_ReadsLikeAnEmail()
    {
        var rendered = templates.Render(Variant(TypicalSubject, TypicalBody), Model());
        Assert.Equal("Acme + SalesOS: hiring 4 sales roles", rendered.Subject);
        Assert.StartsWith("Hi Jane,\n\nI saw Acme is hiring 4 sales roles. Teams at mid-sized Software\n", rendered.Body, StringComparison.Ordinal);
        Assert.Contains("As VP of Sales, you might like", rendered.Body, StringComparison.Ordinal);
        Assert.EndsWith("Not interested? " + Unsubscribe, rendered.Body, StringComparison.Ordinal);

        var blank = templates.Render(Variant(TypicalSubject, TypicalBody), BlankModel());
        Assert.Equal("your team + : growing", blank.Subject);
        Assert.StartsWith("Hi there,\n\nI saw your team is growing.", blank.Body, StringComparison.Ordinal);
        Assert.Contains("Grab a time here: reply to this email", blank.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_HoldOnlyWhatDataFilled()
    {
        var facts = Model().Facts;
        Assert.Equal("Jane", facts["contact.first_name"]);
        Assert.Equal("hiring 4 sales roles", facts["company.latest_signal"]);
        Assert.False(facts.ContainsKey(TemplateVocabulary.UnsubscribeUrl));

        var blank = BlankModel().Facts;
        Assert.Equal(["sender.first_name", "sender.name"], blank.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Render_ManyThreadsOneCache_GiveTheSameText()
    {
        var variant = Variant(TypicalSubject, TypicalBody);
        var models = Enumerable.Range(0, 64).Select(i => Model(Contact(first: $"Person{i}"))).ToArray();
        var expected = models.Select(m => new MessageTemplates().Render(variant, m)).ToArray();
        var shared = new MessageTemplates(cacheCapacity: 2);
        var results = new RenderedContent[models.Length * 20];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = shared.Render(variant, models[i % models.Length]));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % models.Length], results[i]);
        }
    }
}
