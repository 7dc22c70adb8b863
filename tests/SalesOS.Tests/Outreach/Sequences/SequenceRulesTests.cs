using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Tests.Outreach.Sequences;

/// <summary>Each rule of a sequence definition, with and without its fault.</summary>
public sealed class SequenceRulesTests
{
    private static readonly SequenceDefinition Valid = new("outbound-q3", "Outbound Q3",
    [
        new(OutreachChannel.Email, 0, [new("a", "Question about {{ company.name }}", "Hi {{ contact.first_name }}"), new("b", "Idea for {{ company.name }}", "Hi")]),
        new(OutreachChannel.LinkedIn, 1, [new("main", null, "")], LinkedInAction: LinkedInAction.Connect),
        new(OutreachChannel.Email, 2, [new("main", null, "Following up")]),
        new(OutreachChannel.Phone, 1, [new("main", null, "Ask how they handle it today.")]),
        new(OutreachChannel.Sms, 1, [new("main", null, new string('x', SequenceRules.MaxSmsLength))]),
        new(OutreachChannel.LinkedIn, 1, [new("main", null, "Thanks for connecting")], LinkedInAction: LinkedInAction.Message),
        new(OutreachChannel.LinkedIn, 0, [new("main", null, "")], LinkedInAction: LinkedInAction.ViewProfile),
        new(OutreachChannel.Email, SequenceRules.MaxDelayBusinessDays, [new("main", null, "Closing the loop")], StepCondition.NotOpened),
    ], SendWindow.BusinessHours);

    public static TheoryData<string, Func<SequenceDefinition, SequenceDefinition>, string> Faults => new()
    {
        { "empty id", d => d with { Id = "" }, "id" },
        { "uppercase id", d => d with { Id = "Outbound-Q3" }, "id" },
        { "underscore in id", d => d with { Id = "outbound_q3" }, "id" },
        { "id starting with a dash", d => d with { Id = "-outbound" }, "id" },
        { "id of 65 characters", d => d with { Id = new string('a', 65) }, "id" },
        { "blank name", d => d with { Name = "  " }, "name" },
        { "name of 201 characters", d => d with { Name = new string('n', 201) }, "name" },
        { "no steps", d => d with { Steps = [] }, "steps" },
        { "31 steps", d => d with { Steps = Enumerable.Repeat(d.Steps[0], 31).ToList() }, "steps" },
        { "negative delay", d => Step(d, 2, s => s with { DelayBusinessDays = -1 }), "steps[2].delayBusinessDays" },
        { "delay of 91 days", d => Step(d, 2, s => s with { DelayBusinessDays = 91 }), "steps[2].delayBusinessDays" },
        { "no variants", d => Step(d, 3, s => s with { Variants = [] }), "steps[3].variants" },
        { "duplicate variant ids", d => Variant(d, 0, 1, v => v with { Id = "a" }), "steps[0].variants[1].id" },
        { "blank variant id", d => Variant(d, 0, 0, v => v with { Id = " " }), "steps[0].variants[0].id" },
        { "weight 0", d => Variant(d, 0, 1, v => v with { Weight = 0 }), "steps[0].variants[1].weight" },
        { "first email without subject", d => Variant(d, 0, 1, v => v with { Subject = " " }), "steps[0].variants[1].subject" },
        { "new thread without subject", d => Step(d, 2, s => s with { NewThread = true }), "steps[2].variants[0].subject" },
        { "email without body", d => Variant(d, 2, 0, v => v with { Body = "" }), "steps[2].variants[0].body" },
        { "LinkedIn step without action", d => Step(d, 1, s => s with { LinkedInAction = null }), "steps[1].linkedInAction" },
        { "LinkedIn action on an email step", d => Step(d, 2, s => s with { LinkedInAction = LinkedInAction.Connect }), "steps[2].linkedInAction" },
        { "undefined LinkedIn action", d => Step(d, 1, s => s with { LinkedInAction = (LinkedInAction)9 }), "steps[1].linkedInAction" },
        { "LinkedIn message without body", d => Variant(d, 5, 0, v => v with { Body = " " }), "steps[5].variants[0].body" },
        { "SMS of 1,601 characters", d => Variant(d, 4, 0, v => v with { Body = new string('x', 1_601) }), "steps[4].variants[0].body" },
        { "SMS without body", d => Variant(d, 4, 0, v => v with { Body = "" }), "steps[4].variants[0].body" },
        { "call without script", d => Variant(d, 3, 0, v => v with { Body = "" }), "steps[3].variants[0].body" },
        { "window ending before it starts", d => d with { Window = d.Window with { Start = new TimeOnly(18, 0) } }, "window.end" },
        { "window across midnight", d => d with { Window = new SendWindow(new TimeOnly(22, 0), new TimeOnly(2, 0), d.Window.Days) }, "window.end" },
        { "window without days", d => d with { Window = d.Window with { Days = [] } }, "window.days" },
        { "window with an undefined day", d => d with { Window = d.Window with { Days = [DayOfWeek.Monday, (DayOfWeek)7] } }, "window.days[1]" },
        { "step window ending at its start", d => Step(d, 2, s => s with { Window = new SendWindow(new TimeOnly(9, 0), new TimeOnly(9, 0), [DayOfWeek.Monday]) }), "steps[2].window.end" },
        { "open condition before any email", d => Step(d, 0, s => s with { Condition = StepCondition.Opened }), "steps[0].condition" },
        { "undefined condition", d => Step(d, 2, s => s with { Condition = (StepCondition)17 }), "steps[2].condition" },
        { "undefined channel", d => Step(d, 1, s => s with { Channel = (OutreachChannel)8 }), "steps[1].channel" },
    };

    [Fact]
    public void Validate_AValidDefinitionAtEveryLimit_HasNoProblems()
    {
        // Valid already sits at the limits: 1,600-character SMS, 90-day delay, bodiless connect and profile visit,
        // a later email without subject, NotOpened after an email.
        Assert.Empty(SequenceRules.Validate(Valid));
        Assert.Empty(SequenceRules.Validate(Valid with { Id = new string('a', 64) }));
        Assert.Empty(SequenceRules.Validate(Valid with { Id = "a" }));
        Assert.Empty(SequenceRules.Validate(Valid with { Steps = Enumerable.Repeat(Valid.Steps[0], 30).ToList() }));
        Assert.Empty(SequenceRules.Validate(Step(Valid, 2, s => s with { NewThread = true, Variants = [new("main", "New subject", "Body")] })));
        Assert.Empty(SequenceRules.Validate(Step(Valid, 2, s => s with { Window = new SendWindow(new TimeOnly(9, 0), new TimeOnly(9, 1), [DayOfWeek.Monday]) })));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void Validate_ReportsEachFault_AtItsField(string fault, Func<SequenceDefinition, SequenceDefinition> introduce, string field)
    {
        var problems = SequenceRules.Validate(introduce(Valid));

        var problem = Assert.Single(problems);
        Assert.True(problem.Field == field, $"{fault}: reported at {problem.Field} ({problem.Reason}), expected {field}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Reason));
    }

    [Fact]
    public void Validate_ReportsEveryProblem_NotOnlyTheFirst()
    {
        var broken = Variant(Step(Valid with { Id = "Bad Id", Name = "" }, 1, s => s with { LinkedInAction = null }), 4, 0, v => v with { Body = "" });

        var fields = SequenceRules.Validate(broken).Select(p => p.Field).ToList();

        Assert.Equal(["id", "name", "steps[1].linkedInAction", "steps[4].variants[0].body"], fields);
    }

    private static SequenceDefinition Step(SequenceDefinition definition, int index, Func<SequenceStep, SequenceStep> change)
    {
        var steps = definition.Steps.ToList();
        steps[index] = change(steps[index]);
        return definition with { Steps = steps };
    }

    private static SequenceDefinition Variant(SequenceDefinition definition, int step, int index, Func<SequenceVariant, SequenceVariant> change) =>
        Step(definition, step, s =>
        {
            var variants = s.Variants.ToList();
            variants[index] = change(variants[index]);
            return s with { Variants = variants };
        });
}
