using SalesOS.Prospecting.Contacts;

namespace SalesOS.Tests.Prospecting.Contacts;

/// <summary>Learning a domain's address pattern from known people, and writing new people's addresses under it.</summary>
public sealed class EmailPatternsTests
{
    [Theory]
    [InlineData("jane.doe", "{first}.{last}")]
    [InlineData("janedoe", "{first}{last}")]
    [InlineData("jdoe", "{f}{last}")]
    [InlineData("jane", "{first}")]
    [InlineData("jane_doe", "{first}_{last}")]
    [InlineData("jane-doe", "{first}-{last}")]
    [InlineData("doe", "{last}")]
    [InlineData("j.doe", "{f}.{last}")]
    [InlineData("janed", "{first}{l}")]
    [InlineData("doe.jane", "{last}.{first}")]
    [InlineData("doejane", "{last}{first}")]
    [InlineData("doej", "{last}{f}")]
    [InlineData("jd", "{f}{l}")]
    public void Infer_RecognisesEachPattern_FromTwoPeople(string janeLocal, string pattern)
    {
        var johnLocal = janeLocal.Replace("jane", "john", StringComparison.Ordinal).Replace("doe", "smith", StringComparison.Ordinal)
            .Replace("jd", "js", StringComparison.Ordinal).Replace("j.", "j.", StringComparison.Ordinal);
        if (janeLocal is "jdoe" or "j.doe" or "doej" or "janed")
        {
            johnLocal = janeLocal switch { "jdoe" => "jsmith", "j.doe" => "j.smith", "doej" => "smithj", _ => "johns" };
        }

        var inference = EmailPatterns.Infer("acme.com",
        [
            new EmailSample("Jane", "Doe", janeLocal + "@acme.com"),
            new EmailSample("John", "Smith", johnLocal + "@acme.com"),
        ]);

        Assert.Equal(pattern, inference.Pattern);
        Assert.Equal(2, inference.Matches);
        Assert.Equal(0.75, inference.Confidence);
    }

    [Fact]
    public void Infer_FollowsTheMajority_AndConfidenceCountsTheDissenters()
    {
        EmailSample[] samples =
        [
            new("Jane", "Doe", "jane.doe@acme.com"),
            new("John", "Smith", "john.smith@acme.com"),
            new("Ana", "Lopez", "ana.lopez@acme.com"),
            new("Old", "Timer", "otimer@acme.com"),
            new("Info", "Desk", "info@acme.com"),
            new("Elsewhere", "Person", "elsewhere.person@other.com"),
        ];

        var inference = EmailPatterns.Infer("ACME.com.", samples);

        Assert.Equal("{first}.{last}", inference.Pattern);
        Assert.Equal(3, inference.Matches);
        Assert.Equal(4, inference.Samples);
        Assert.Equal(Math.Round(4.0 / 6.0, 3), inference.Confidence);
        Assert.Contains("3 of 4", inference.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_WithoutSamples_FallsBackToFirstDotLast_WithLowConfidence()
    {
        var inference = EmailPatterns.Infer("acme.com", []);

        Assert.Equal("{first}.{last}", inference.Pattern);
        Assert.Equal(EmailPatterns.FallbackConfidence, inference.Confidence);
        Assert.True(inference.Confidence < 0.5);
        Assert.Equal(0, inference.Samples);
    }

    [Fact]
    public void Infer_WithUnrecognisableSamples_FallsBackAndSaysSo()
    {
        var inference = EmailPatterns.Infer("acme.com", [new EmailSample("Jane", "Doe", "x7q2@acme.com")]);

        Assert.Equal(EmailPatterns.FallbackPattern, inference.Pattern);
        Assert.Contains("none of the 1", inference.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_ManySamples_CapsConfidence()
    {
        var samples = Enumerable.Range(0, 50).Select(i => new EmailSample($"First{i}", $"Last{i}", $"first{i}.last{i}@acme.com"));

        Assert.Equal(0.95, EmailPatterns.Infer("acme.com", samples).Confidence);
    }

    [Fact]
    public void Infer_LearnsHowMultiPartLastNamesAreWritten()
    {
        EmailSample[] samples =
        [
            new("Maria", "García López", "maria.garcia@acme.es"),
            new("Juan", "Pérez Ruiz", "juan.perez@acme.es"),
            new("Ana", "Lopez", "ana.lopez@acme.es"),
        ];

        var inference = EmailPatterns.Infer("acme.es", samples);

        Assert.Equal("{first}.{last}", inference.Pattern);
        Assert.Equal(LastNameStyle.FirstPart, inference.LastNameStyle);
        Assert.Equal("carmen.sanchez@acme.es", EmailPatterns.Generate(inference.Pattern, "Carmen", "Sánchez Gil", "acme.es", inference.LastNameStyle));
    }

    [Fact]
    public void Infer_RecognisesPlainUmlautSamples()
    {
        var inference = EmailPatterns.Infer("acme.de", [new EmailSample("Jürgen", "Müller", "juergen.mueller@acme.de"), new EmailSample("Björn", "Köhler", "bkohler@acme.de")]);

        Assert.Equal(1, inference.Matches);
        Assert.Equal(2, inference.Samples);
    }

    [Theory]
    [InlineData("{first}.{last}", "Jürgen", "Müller", "juergen.mueller@acme.de")]
    [InlineData("{first}.{last}", "Renée", "Lefèvre", "renee.lefevre@acme.de")]
    [InlineData("{first}.{last}", "Hans", "Großmann", "hans.grossmann@acme.de")]
    [InlineData("{first}.{last}", "Seán", "O'Brien", "sean.obrien@acme.de")]
    [InlineData("{first}.{last}", "Anne-Marie", "Smith-Jones", "annemarie.smithjones@acme.de")]
    [InlineData("{f}{last}", "Jean-Pierre", "van der Berg", "jvanderberg@acme.de")]
    [InlineData("{first}_{l}", "Søren", "Ørsted", "soren_o@acme.de")]
    [InlineData("{first}", "  Łukasz ", "Nowak", "lukasz@acme.de")]
    [InlineData("{last}.{first}", "José", "Núñez", "nunez.jose@acme.de")]
    [InlineData("{first}.{last}", "Jane", "Doe Jr.", "jane.doejr@acme.de")]
    public void Generate_FoldsNamesTheWayMailSystemsDo(string pattern, string first, string last, string expected)
    {
        Assert.Equal(expected, EmailPatterns.Generate(pattern, first, last, "acme.de"));
    }

    [Fact]
    public void Generate_HyphenatedStyle_KeepsTheHyphen()
    {
        Assert.Equal("anne.smith-jones@acme.com", EmailPatterns.Generate("{first}.{last}", "Anne", "Smith-Jones", "acme.com", LastNameStyle.Hyphenated));
        Assert.Equal("anne.jones@acme.com", EmailPatterns.Generate("{first}.{last}", "Anne", "Smith-Jones", "acme.com", LastNameStyle.LastPart));
    }

    [Theory]
    [InlineData("", "Doe")]
    [InlineData("Jane", "")]
    [InlineData("李", "王")]
    public void Generate_WithoutWritableName_ReturnsNull(string first, string last)
    {
        Assert.Null(EmailPatterns.Generate("{first}.{last}", first, last, "acme.com"));
    }

    [Fact]
    public void Suggest_UsesTheInferredPattern()
    {
        var (email, pattern) = EmailPatterns.Suggest("Zoë", "Adams", "acme.com", [new EmailSample("Jane", "Doe", "jdoe@acme.com")]);

        Assert.Equal("zadams@acme.com", email);
        Assert.Equal("{f}{last}", pattern.Pattern);
    }
}
