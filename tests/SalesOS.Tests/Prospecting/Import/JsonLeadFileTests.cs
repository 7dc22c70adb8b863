using System.Text;
using SalesOS.Prospecting.Import;

namespace SalesOS.Tests.Prospecting.Import;

public sealed class JsonLeadFileTests
{
    [Fact]
    public async Task JsonArray_MapsKeysFlattensNestedObjectsAndRejectsNonObjects()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("leads.json");

        Assert.Equal(LeadFileFormat.JsonArray, reader.Format);
        Assert.Null(reader.Delimiter);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(0, r.LineNumber));
        Assert.Equal(LeadField.CompanyName, reader.FieldOf("company name"));
        Assert.Equal(LeadField.Website, reader.FieldOf("company website"));
        Assert.Equal(["custom_score"], reader.IgnoredColumns);

        var acme = rows.Lead(1);
        Assert.Equal(("acme.com", LeadDomainSource.DomainColumn, "Acme Inc"), (acme.Domain, acme.DomainSource, acme.CompanyName));
        Assert.Equal((125, 5_000_000m, "US"), (acme.EmployeeCount!.Value, acme.AnnualRevenue!.Value, acme.Country));
        Assert.Equal(["Salesforce", "HubSpot"], acme.Technologies);
        Assert.Equal("email:jane@acme.com", acme.Contact!.Identity.Key);
        Assert.Equal("https://linkedin.com/in/janedoe", acme.Contact.LinkedInUrl);
        Assert.Equal("87", acme.Extra("custom_score"));

        var globex = rows.Lead(2);
        Assert.Equal(("globex.com", "Globex"), (globex.Domain, globex.CompanyName));
        Assert.Equal(("Hank", "Scorpio"), (globex.Contact!.FirstName, globex.Contact.LastName));

        Assert.Equal("domain: is required; the row has no domain, website or business email", rows.Rejected(3).RejectReason);
        Assert.Equal(("Row", "row: must be a JSON object, not number"), (rows.Rejected(4).RejectedField, rows.Rejected(4).RejectReason));
    }

    [Fact]
    public async Task JsonLines_ReadOneObjectPerLineSkippingBlankLines()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("leads.ndjson");

        Assert.Equal(LeadFileFormat.JsonLines, reader.Format);
        Assert.Equal(3, rows.Count);
        Assert.Equal(("acme.com", "Jane", "Doe"), (rows.Lead(1).Domain, rows.Lead(1).Contact!.FirstName, rows.Lead(1).Contact!.LastName));

        var initech = rows.Lead(2);
        Assert.Equal("initech.com", initech.Domain);
        Assert.Null(initech.Contact);
        Assert.StartsWith("email: email must contain exactly one @", Assert.Single(rows[1].Warnings), StringComparison.Ordinal);

        var umbrella = rows.Lead(3);
        Assert.Equal(("umbrella.com", LeadDomainSource.Email, 350, "DE"), (umbrella.Domain, umbrella.DomainSource, umbrella.EmployeeCount!.Value, umbrella.Country));
    }

    [Fact]
    public async Task JsonInUtf16_IsTranscoded()
    {
        var json = "[{\"company\": \"Bücherwurm\", \"website\": \"buecherwurm.de\", \"city\": \"Köln\"}]";
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(json)).ToArray();

        var (reader, rows) = await LeadSamples.ReadAsync(new MemoryStream(bytes));

        Assert.Equal(LeadFileFormat.JsonArray, reader.Format);
        Assert.Equal(("Bücherwurm", "buecherwurm.de", "Köln"), (rows.Lead(1).CompanyName, rows.Lead(1).Domain, rows.Lead(1).City));
    }

    [Fact]
    public async Task MalformedJson_FailsNamingTheLastGoodRow()
    {
        var json = "[{\"domain\": \"acme.com\"}, {\"domain\": \"globex.com\"}, {\"domain\": ";

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LeadSamples.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.StartsWith("The JSON lead file is malformed after row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenFormat_OverridesSniffing()
    {
        var csv = "{weird}\nDomain\nacme.com\n";

        var (reader, rows) = await LeadSamples.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), options: new LeadFileOptions { Format = LeadFileFormat.Csv, Delimiter = ',' });

        Assert.Equal(LeadFileFormat.Csv, reader.Format);
        Assert.Equal("{weird}", reader.Columns.Single().Header);
        Assert.Equal(2, rows.Count);
    }
}
