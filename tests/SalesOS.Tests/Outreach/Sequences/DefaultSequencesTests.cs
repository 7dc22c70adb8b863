using System.Text.RegularExpressions;
using SalesOS.Contracts.Outreach;
using SalesOS.Contracts.Prospecting;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Tests.Outreach.Sequences;

/// <summary>The built-in sequences: valid, one per tier plan, and written with the renderer's variables only.</summary>
public sealed partial class DefaultSequencesTests
{
    private static readonly HashSet<string> RendererVariables =
    [
        "contact.first_name", "contact.title", "company.name", "company.industry", "company.latest_signal",
        "company.top_technology", "sender.first_name", "sender.name", "sender.company", "sender.calendar_link",
    ];

    public static TheoryData<string> Ids => new(DefaultSequences.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryBuiltIn_PassesTheRules(string id)
    {
        var definition = DefaultSequences.Find(id)!;

        Assert.Empty(SequenceRules.Validate(definition));
        Assert.True(definition.BuiltIn);
        Assert.Equal(1, definition.Version);
    }

    [Fact]
    public void TheBuiltIns_AreTheSequencesOfTheDefaultTierPlans()
    {
        Assert.Equal(ProspectingSettings.DefaultPlans.Select(p => p.SequenceId), DefaultSequences.All.Select(d => d.Id));
        foreach (var plan in ProspectingSettings.DefaultPlans)
        {
            var channels = DefaultSequences.Find(plan.SequenceId)!.Steps.Select(s => s.Channel.ToString().ToLowerInvariant()).Distinct().Order();
            Assert.Equal(plan.Channels.Order(), channels);
        }
    }

    [Theory]
    [InlineData(DefaultSequences.Tier1Id, 7, 8, 12, 15)]
    [InlineData(DefaultSequences.Tier2Id, 5, 5, 8, 12)]
    [InlineData(DefaultSequences.Tier3Id, 3, 4, 8, 14)]
    public void EachBuiltIn_HasItsShape(string id, int minSteps, int maxSteps, int minDays, int maxDays)
    {
        var steps = DefaultSequences.Find(id)!.Steps;

        Assert.InRange(steps.Count, minSteps, maxSteps);
        Assert.InRange(steps.Sum(s => s.DelayBusinessDays), minDays, maxDays);
        Assert.Equal(OutreachChannel.Email, steps[0].Channel);
        Assert.Equal(0, steps[0].DelayBusinessDays);
        Assert.Equal(OutreachChannel.Email, steps[^1].Channel);
    }

    [Fact]
    public void Tier1_TestsTwoSubjects_AndTouchesEveryChannelOfItsPlan()
    {
        var steps = DefaultSequences.Find(DefaultSequences.Tier1Id)!.Steps;

        var opening = steps[0].Variants;
        Assert.Equal(["a", "b"], opening.Select(v => v.Id));
        Assert.NotEqual(opening[0].Subject, opening[1].Subject);
        Assert.Equal(opening[0].Body, opening[1].Body);
        Assert.Equal(
            [LinkedInAction.ViewProfile, LinkedInAction.Connect, LinkedInAction.Message],
            steps.Where(s => s.Channel == OutreachChannel.LinkedIn).Select(s => s.LinkedInAction!.Value));
        Assert.Single(steps, s => s.Channel == OutreachChannel.Phone);
    }

    [Fact]
    public void Tier3_IsEmailOnly()
    {
        var steps = DefaultSequences.Find(DefaultSequences.Tier3Id)!.Steps;

        Assert.All(steps, s => Assert.Equal(OutreachChannel.Email, s.Channel));
    }

    [Fact]
    public void Templates_UseOnlyTheRenderersVariables_WithoutDefaultFilters()
    {
        foreach (var definition in DefaultSequences.All)
        {
            foreach (var variant in definition.Steps.SelectMany(s => s.Variants))
            {
                foreach (var template in new[] { variant.Subject, variant.Body }.OfType<string>())
                {
                    Assert.DoesNotContain("{%", template, StringComparison.Ordinal);
                    Assert.DoesNotContain("default", template, StringComparison.OrdinalIgnoreCase);
                    Assert.Equal(template.Split("{{").Length - 1, Placeholder().Count(template));
                    foreach (Match m in Placeholder().Matches(template))
                    {
                        Assert.Contains(m.Groups[1].Value, RendererVariables);
                    }
                }
            }
        }
    }

    [Fact]
    public void EmailBodies_AreShort_AsColdEmailShouldBe()
    {
        var emails = DefaultSequences.All.SelectMany(d => d.Steps).Where(s => s.Channel == OutreachChannel.Email).SelectMany(s => s.Variants);

        Assert.All(emails, v => Assert.InRange(Regex.Split(v.Body.Trim(), @"\s+").Length, 25, 130));
    }

    [Fact]
    public void Find_AnUnknownId_IsNull()
    {
        Assert.Null(DefaultSequences.Find("tier-4-carrier-pigeon"));
        Assert.Null(DefaultSequences.Find("TIER-1-MULTICHANNEL"));
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
