using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Tests.Outreach.Sequences;

/// <summary>Weighted, seed-stable choice of a step's message variant.</summary>
public sealed class VariantPickerTests
{
    [Theory]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { 1, 2, 7 })]
    [InlineData(new[] { 5, 1, 1, 1 })]
    [InlineData(new[] { 1, 99 })]
    public void Pick_Over10000Seeds_FollowsTheWeights(int[] weights)
    {
        var variants = weights.Select((w, i) => new SequenceVariant("v" + i, "Subject " + i, "Body", w)).ToList();

        var counts = new int[weights.Length];
        for (var i = 0; i < 10_000; i++)
        {
            var picked = VariantPicker.Pick(variants, $"enrolment-{i}:0");
            counts[variants.IndexOf(picked)]++;
        }

        var total = weights.Sum();
        for (var v = 0; v < weights.Length; v++)
        {
            Assert.InRange(counts[v] / 10_000.0, ((double)weights[v] / total) - 0.02, ((double)weights[v] / total) + 0.02);
        }
    }

    [Fact]
    public void Pick_IsTheSameForTheSameSeed_InEveryProcess()
    {
        var variants = new[] { new SequenceVariant("a", "A", "Body"), new SequenceVariant("b", "B", "Body") };

        var picks = Enumerable.Range(0, 50).Select(i => VariantPicker.Pick(variants, "contact-" + i).Id).ToList();
        var again = Enumerable.Range(0, 50).Select(i => VariantPicker.Pick(variants, "contact-" + i).Id).ToList();

        Assert.Equal(picks, again);

        // Pinned values (SHA-256 of "variant\n" + seed, worked out outside .NET): a per-process hash would move them.
        Assert.Equal("bbaabbbbaa", string.Concat(picks.Take(10)));
    }

    [Fact]
    public void Pick_OfOneVariant_IsThatVariant()
    {
        var only = new SequenceVariant("only", "Subject", "Body", 3);

        Assert.Same(only, VariantPicker.Pick([only], "anything"));
    }

    [Fact]
    public void Pick_RefusesNoVariantsAndWeightsBelowOne()
    {
        Assert.Throws<ArgumentException>(() => VariantPicker.Pick([], "seed"));
        Assert.Throws<ArgumentException>(() => VariantPicker.Pick([new SequenceVariant("a", null, "Body", 0)], "seed"));
    }
}
