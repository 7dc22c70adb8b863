using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Tests.Outreach.Sequences;

/// <summary>Every condition against every combination of replied, opened and clicked.</summary>
public sealed class StepConditionsTests
{
    // Expected outcomes in the order (replied, opened, clicked) = 000, 001, 010, 011, 100, 101, 110, 111.
    [Theory]
    [InlineData(StepCondition.Always, "11111111")]
    [InlineData(StepCondition.NotReplied, "11110000")]
    [InlineData(StepCondition.Opened, "01111111")] // a click or a reply proves the open
    [InlineData(StepCondition.NotOpened, "10000000")]
    [InlineData(StepCondition.Clicked, "01010101")]
    [InlineData(StepCondition.NotClicked, "10101010")]
    public void Holds_ForEveryCombination(StepCondition condition, string expected)
    {
        for (var bits = 0; bits < 8; bits++)
        {
            var soFar = new EngagementSoFar(Replied: (bits & 4) != 0, Opened: (bits & 2) != 0, Clicked: (bits & 1) != 0);

            Assert.True(expected[bits] == '1' == StepConditions.Holds(condition, soFar), $"{condition} with {soFar}");
        }
    }

    [Fact]
    public void Holds_RefusesAnUnknownCondition()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StepConditions.Holds((StepCondition)42, new EngagementSoFar(false, false, false)));
    }
}
