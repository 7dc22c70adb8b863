using SalesOS.Contracts.Markets;
using SalesOS.Domain.Markets;

namespace SalesOS.Tests.Domain;

public sealed class MarketDescriptionParserTests
{
    [Fact]
    public void TheSpecsExample_BecomesIndustrySizeModelAndTechnology()
    {
        var market = MarketDescriptionParser.Parse("B2B SaaS, SMB, using Salesforce");

        Assert.Equal(["Software"], market.Industries);
        Assert.Equal(["B2B"], market.BusinessModels);
        Assert.Equal(new EmployeeRange(1, 200), market.Employees);
        Assert.Equal(["Salesforce"], market.Technologies);
        Assert.Empty(market.Unparsed);
    }

    [Fact]
    public void ALongDescription_FillsEveryField()
    {
        var market = MarketDescriptionParser.Parse(
            "Fintech companies in Germany and France with 50-500 employees, $5M-$50M revenue, hiring sales reps, using HubSpot or Stripe, targeting VP Sales or Head of Marketing, excluding agencies");

        Assert.Equal(["Fintech"], market.Industries);
        Assert.Equal(["DE", "FR"], market.Geographies);
        Assert.Equal(new EmployeeRange(50, 500), market.Employees);
        Assert.Equal(new RevenueRange(5_000_000m, 50_000_000m), market.Revenue);
        Assert.Equal(["hiring sales reps"], market.GrowthSignals);
        Assert.Equal(["HubSpot", "Stripe"], market.Technologies);
        Assert.Equal([new BuyerPersona("VP Sales", "VP", "Sales"), new BuyerPersona("Head of Marketing", "Head", "Marketing")], market.Personas);
        Assert.Equal(["agencies"], market.Exclusions);
        Assert.Empty(market.Unparsed);
    }

    [Theory]
    [InlineData("mid-market logistics in the Nordics", 200, 1000)]
    [InlineData("enterprise banks in DACH", 1000, null)]
    [InlineData("startups on AWS", 1, 50)]
    [InlineData("healthtech with over 1000 employees", 1001, null)]
    [InlineData("retailers with fewer staff, under 100 employees", null, 100)]
    public void CompanySizes_AreReadFromWordsAndNumbers(string description, int? min, int? max)
        => Assert.Equal(new EmployeeRange(min, max), MarketDescriptionParser.Parse(description).Employees);

    [Theory]
    [InlineData("e-commerce brands using Shopify and Klaviyo", "Shopify,Klaviyo")]
    [InlineData("SFDC users in the US", "Salesforce")]
    [InlineData("companies running Google Analytics, Segment and Snowflake", "Google Analytics,Segment,Snowflake")]
    public void Technologies_AreMatchedWithTheirAliases(string description, string expected)
        => Assert.Equal(expected.Split(','), MarketDescriptionParser.Parse(description).Technologies);

    [Fact]
    public void WhatItCannotPlace_IsReportedNotDropped()
    {
        var market = MarketDescriptionParser.Parse("B2B SaaS, companies with great vibes");

        Assert.Equal(["Software"], market.Industries);
        Assert.Contains("great vibes", market.Unparsed);
    }

    [Fact]
    public void Revenue_WithAThreshold()
        => Assert.Equal(new RevenueRange(10_000_000m, null), MarketDescriptionParser.Parse("insurance, over $10M ARR").Revenue);
}

public sealed class MarketDescriptionParserRobustnessTests
{
    [Theory]
    [InlineData("99999999999 employees")]
    [InlineData("between 99999999999999999999999 and 1 employees, $999999999999999999999999999999B revenue")]
    [InlineData("1e308 employees")]
    public void HugeOrOddNumbers_AreReportedAsUnparsed_NotThrown(string description)
    {
        var market = MarketDescriptionParser.Parse(description);

        Assert.Null(market.Employees);
        Assert.Null(market.Revenue);
        Assert.NotEmpty(market.Unparsed);
    }

    [Fact]
    public void RandomUserText_NeverThrows()
    {
        var random = new Random(20261125);
        string[] pieces = ["SaaS", "fintech", "in", "Germany", "50", "-", "500", "employees", "$", "5M", "revenue", "using", "HubSpot", "or",
            "VP Sales", "excluding", ",", "and", "99999999999", "between", "k", "B", "é", "\u3002", "\0", "over", "under", "+", "%"];
        for (var i = 0; i < 5_000; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(4) == 0
                ? new string((char)random.Next(1, 0xD7FF), random.Next(1, 5))
                : pieces[random.Next(pieces.Length)]);
            var text = string.Join(random.Next(2) == 0 ? " " : "", words);

            var market = MarketDescriptionParser.Parse(text);

            Assert.NotNull(market);
        }
    }
}
