using SalesOS.Contracts.Outreach;

namespace SalesOS.Outreach.Sequences;

/// <summary>
/// The sequences every workspace starts with, one per tier of <c>ProspectingSettings.DefaultPlans</c>.
/// The copy does not know what the sender sells, so it leans on the prospect's signal, role and stack and
/// asks a question instead of pitching; workspaces are expected to copy and sharpen it. Templates use only
/// the renderer's standard variables (contact.first_name, contact.title, company.name, company.industry,
/// company.latest_signal, company.top_technology, sender.first_name, sender.name, sender.company,
/// sender.calendar_link), whose fallbacks the renderer supplies.
/// </summary>
public static class DefaultSequences
{
    public const string Tier1Id = "tier-1-multichannel";
    public const string Tier2Id = "tier-2-email-linkedin";
    public const string Tier3Id = "tier-3-email";

    private const string OpeningEmail = """
        Hi {{ contact.first_name }},

        Saw the news on {{ company.latest_signal }}, congratulations. In my experience that is the point where the targets change first and the way the work gets done catches up later.

        {{ sender.company }} works with {{ company.industry }} companies at exactly that point, next to {{ company.top_technology }} rather than instead of it.

        Would a 15-minute call next week be worth it, to see whether there is a fit for {{ company.name }}?

        {{ sender.first_name }}
        """;

    private const string ShortOpeningEmail = """
        Hi {{ contact.first_name }},

        Saw the news on {{ company.latest_signal }}. {{ sender.company }} works with {{ company.industry }} teams at that stage, usually alongside {{ company.top_technology }}.

        Is this on your plate as {{ contact.title }}, or is there someone else at {{ company.name }} I should talk to?

        {{ sender.first_name }}
        """;

    private const string OneQuestionFollowUp = """
        Hi {{ contact.first_name }},

        Bumping this in case it got buried. One question usually tells us quickly whether we can help: if you had a free week, what is the one thing you would fix first at {{ company.name }} this quarter?

        If it is on our side of the fence, I will send a short example of how another {{ company.industry }} team handled it. If not, no harm done.

        {{ sender.first_name }}
        """;

    private const string RightPersonEmail = """
        Hi {{ contact.first_name }},

        Trying a different angle, in case my earlier notes missed the mark.

        When {{ company.industry }} companies reach the stage {{ company.name }} is at, the {{ contact.title }} is often the one left owning the gaps between teams and tools like {{ company.top_technology }}. Those gaps are what {{ sender.company }} closes.

        If that is not you, who would be the right person to talk to?

        {{ sender.first_name }}
        """;

    private const string ClosingEmail = """
        Hi {{ contact.first_name }},

        I have not heard back, so I will assume the timing is not right and close the loop on my side.

        If anything changes at {{ company.name }}, my calendar stays open: {{ sender.calendar_link }}

        All the best,
        {{ sender.name }}
        {{ sender.company }}
        """;

    private const string ProfileVisitTask = """
        Open {{ contact.first_name }}'s profile ({{ contact.title }} at {{ company.name }}) before connecting tomorrow. Look for a recent post, a role change or a shared connection worth mentioning later.
        """;

    private const string ConnectionNote = """
        Hi {{ contact.first_name }}, I work with {{ company.industry }} teams and have been following what {{ company.name }} is doing. Would be glad to connect. {{ sender.first_name }}
        """;

    private const string LinkedInMessage = """
        Thanks for connecting, {{ contact.first_name }}. I sent a couple of notes by email about {{ company.name }}, no need to dig them out. If a 15-minute call makes sense, here is my calendar: {{ sender.calendar_link }}. If the timing is wrong, just say so and I will leave it there.
        """;

    private const string CallScript = """
        Call {{ contact.first_name }} ({{ contact.title }}, {{ company.name }}).

        Opener: "Hi {{ contact.first_name }}, it's {{ sender.first_name }} from {{ sender.company }}. I emailed you about {{ company.latest_signal }}. Have you got 30 seconds for why I reached out?"

        If yes: one sentence on what we do for {{ company.industry }} teams, then ask how they handle it today and listen. Ask one follow-up question before proposing anything.
        Goal: a 15-minute meeting. Offer two concrete times, or send {{ sender.calendar_link }} while you are on the phone.
        If it is a bad moment: ask when is better and note it on the contact.
        Voicemail (under 20 seconds): your name, {{ sender.company }}, that it is about {{ company.latest_signal }}, and that you will follow up by email.
        """;

    /// <summary>The built-ins in tier order.</summary>
    public static IReadOnlyList<SequenceDefinition> All { get; } =
    [
        new(Tier1Id, "Tier 1: email, LinkedIn and phone over three weeks",
        [
            new(OutreachChannel.Email, 0,
            [
                new("a", "Question about {{ company.name }}", OpeningEmail),
                new("b", "{{ contact.first_name }}, an idea for {{ company.name }}", OpeningEmail),
            ]),
            new(OutreachChannel.LinkedIn, 1, [new("main", null, ProfileVisitTask)], LinkedInAction: LinkedInAction.ViewProfile),
            new(OutreachChannel.LinkedIn, 1, [new("main", null, ConnectionNote)], LinkedInAction: LinkedInAction.Connect),
            new(OutreachChannel.Email, 2, [new("main", null, OneQuestionFollowUp)]),
            new(OutreachChannel.Phone, 2, [new("main", null, CallScript)]),
            new(OutreachChannel.LinkedIn, 2, [new("main", null, LinkedInMessage)], LinkedInAction: LinkedInAction.Message),
            new(OutreachChannel.Email, 3, [new("main", "{{ company.name }} and {{ sender.company }}", RightPersonEmail)], NewThread: true),
            new(OutreachChannel.Email, 3, [new("main", null, ClosingEmail)]),
        ], SendWindow.BusinessHours, Version: 1, BuiltIn: true),

        new(Tier2Id, "Tier 2: email and LinkedIn over two weeks",
        [
            new(OutreachChannel.Email, 0, [new("main", "Question about {{ company.name }}", ShortOpeningEmail)]),
            new(OutreachChannel.LinkedIn, 2, [new("main", null, ConnectionNote)], LinkedInAction: LinkedInAction.Connect),
            new(OutreachChannel.Email, 3, [new("main", null, OneQuestionFollowUp)]),
            new(OutreachChannel.LinkedIn, 2, [new("main", null, LinkedInMessage)], LinkedInAction: LinkedInAction.Message),
            new(OutreachChannel.Email, 4, [new("main", null, ClosingEmail)]),
        ], SendWindow.BusinessHours, Version: 1, BuiltIn: true),

        new(Tier3Id, "Tier 3: four emails over two and a half weeks",
        [
            new(OutreachChannel.Email, 0, [new("main", "Question about {{ company.name }}", ShortOpeningEmail)]),
            new(OutreachChannel.Email, 3, [new("main", null, OneQuestionFollowUp)]),
            new(OutreachChannel.Email, 4, [new("main", "{{ company.name }} and {{ sender.company }}", RightPersonEmail)], NewThread: true),
            new(OutreachChannel.Email, 5, [new("main", null, ClosingEmail)]),
        ], SendWindow.BusinessHours, Version: 1, BuiltIn: true),
    ];

    /// <summary>The built-in with this id, or null.</summary>
    public static SequenceDefinition? Find(string id) => All.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));
}
