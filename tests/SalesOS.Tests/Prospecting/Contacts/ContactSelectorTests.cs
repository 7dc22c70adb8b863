using SalesOS.Contracts.Markets;
using SalesOS.Prospecting.Contacts;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Tests.Prospecting.Contacts;

/// <summary>Choosing the people to contact at one company.</summary>
public sealed class ContactSelectorTests
{
    private static readonly BuyerPersona[] SalesLeaders =
    [
        new("VP Sales", "VP", "Sales"),
        new("Head of RevOps", "Head", "Operations"),
    ];

    private static PersonCandidate Person(string first, string last, string? title, string? email = null, string source = "apollo", double? confidence = 0.8)
        => new(first, last, title, email, null, null, source, confidence);

    private static ContactVerification Verified(double confidence = 0.95) => new(EmailVerdict.Deliverable, confidence, ["test"]);

    [Fact]
    public void Select_PrefersPersonaFit_ThenAuthority_AndExplainsEachPick()
    {
        PersonCandidate[] candidates =
        [
            Person("Ann", "Intern", "Sales Intern", "ann@acme.com"),
            Person("Vic", "Vp", "VP of Sales", "vic@acme.com"),
            Person("Rita", "Ops", "Head of Revenue Operations", "rita@acme.com"),
            Person("Eve", "Eng", "VP Engineering", "eve@acme.com"),
            Person("Sam", "Rep", "Account Executive", "sam@acme.com"),
        ];
        var verifications = candidates.ToDictionary(c => c.Email!, _ => Verified());

        var picks = ContactSelector.Select(candidates, SalesLeaders, verifications);

        Assert.Equal(["Vic", "Rita", "Sam"], picks.Select(p => p.Person.FirstName));
        Assert.Equal("VP Sales", picks[0].Persona?.Title);
        Assert.All(picks, p => Assert.Contains(p.Reasons, r => r.StartsWith("persona fit", StringComparison.Ordinal)));
        Assert.All(picks, p => Assert.Contains(p.Reasons, r => r.StartsWith("buying authority", StringComparison.Ordinal)));
        Assert.All(picks, p => Assert.Contains(p.Reasons, r => r.StartsWith("email Deliverable", StringComparison.Ordinal)));
        Assert.All(picks, p => Assert.Contains(p.Reasons, r => r.StartsWith("source apollo", StringComparison.Ordinal)));
        Assert.True(picks[0].Score > picks[1].Score && picks[1].Score > picks[2].Score);
    }

    [Fact]
    public void Select_VerifiedEmail_OutranksAnUndeliverableOne_AtTheSameRank()
    {
        PersonCandidate[] candidates =
        [
            Person("Bounce", "Back", "VP Sales", "bounce@acme.com"),
            Person("Good", "Mail", "VP Sales", "good@acme.com"),
        ];
        var verifications = new Dictionary<string, ContactVerification>
        {
            ["BOUNCE@acme.com"] = new(EmailVerdict.Undeliverable, 0.95, ["mailbox does not exist"]),
            ["good@acme.com"] = Verified(),
        };

        var picks = ContactSelector.Select(candidates, SalesLeaders, verifications, count: 1);

        Assert.Equal("Good", Assert.Single(picks).Person.FirstName);
    }

    [Fact]
    public void Select_NeverPicksOnePersonTwice()
    {
        PersonCandidate[] candidates =
        [
            Person("Vic", "Vp", "VP Sales", "vic@acme.com", source: "apollo", confidence: 0.6),
            Person("Victor", "Other", "VP Sales", "VIC@acme.com", source: "hunter", confidence: 0.9),
            Person("José", "Núñez", "Sales Director", null, source: "website"),
            Person("Jose", "Nunez", "Director of Sales", "jose.nunez@acme.com", source: "apollo"),
            Person("Zed", "Else", "Sales Manager", "zed@acme.com"),
        ];

        var picks = ContactSelector.Select(candidates, SalesLeaders, new Dictionary<string, ContactVerification>(), count: 5);

        Assert.Equal(3, picks.Count);
        Assert.Single(picks, p => p.Person.Email?.Equals("vic@acme.com", StringComparison.OrdinalIgnoreCase) == true);
        var jose = Assert.Single(picks, p => p.Person.LastName.StartsWith('N'));
        Assert.Equal("jose.nunez@acme.com", jose.Person.Email);
        Assert.Contains(jose.Reasons, r => r.Contains("also found by website", StringComparison.Ordinal));
        var vic = picks.Single(p => p.Person.Title == "VP Sales");
        Assert.Equal("hunter", vic.Person.Source);
    }

    [Fact]
    public void Select_DepartmentDiversity_OnlyBreaksTies()
    {
        PersonCandidate[] tied =
        [
            Person("A", "One", "VP Sales", "a@acme.com"),
            Person("B", "Two", "VP Sales", "b@acme.com"),
            Person("C", "Three", "VP Marketing", "c@acme.com"),
        ];
        BuyerPersona[] anyVp = [new("VP", "VP", null)];
        var verifications = tied.ToDictionary(c => c.Email!, _ => Verified());

        var picks = ContactSelector.Select(tied, anyVp, verifications, count: 2);

        Assert.Equal(["A", "C"], picks.Select(p => p.Person.FirstName));
        Assert.Contains(picks[1].Reasons, r => r.Contains("department not yet covered", StringComparison.Ordinal));

        // A clearly better second salesperson is not passed over for diversity.
        var notTied = ContactSelector.Select(tied, SalesLeaders, verifications, count: 2);
        Assert.Equal(["A", "B"], notTied.Select(p => p.Person.FirstName));
    }

    [Fact]
    public void Select_TakesTheCountAsked_AndCopesWithLittleData()
    {
        PersonCandidate[] candidates =
        [
            Person("Only", "Name", null),
            Person("", "", "CEO"),
            Person("Cee", "Eo", "CEO", confidence: null),
        ];

        Assert.Empty(ContactSelector.Select(candidates, SalesLeaders, new Dictionary<string, ContactVerification>(), count: 0));
        Assert.Empty(ContactSelector.Select([], SalesLeaders, new Dictionary<string, ContactVerification>()));

        var picks = ContactSelector.Select(candidates, [], new Dictionary<string, ContactVerification>(), count: 10);

        Assert.Equal(["Cee", "Only"], picks.Select(p => p.Person.FirstName));
        Assert.Contains(picks[0].Reasons, r => r.Contains("no persona", StringComparison.Ordinal));
        Assert.Contains(picks[0].Reasons, r => r.Contains("no email address yet", StringComparison.Ordinal));
    }
}
