using SalesOS.Prospecting.Import;

namespace SalesOS.Tests.Prospecting.Import;

public sealed class VendorExportTests
{
    [Fact]
    public async Task HubSpotContactsExport_MapsFieldsDerivesDomainsAndRejectsFreeMailOnlyRow()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("hubspot-contacts.csv");

        Assert.Equal(LeadFileFormat.Csv, reader.Format);
        Assert.Equal(',', reader.Delimiter);
        Assert.Equal(LeadExportStyle.HubSpot, reader.Style);
        Assert.Equal(LeadField.Domain, reader.FieldOf("Company Domain Name"));
        Assert.Equal(LeadField.Website, reader.FieldOf("Website URL"));
        Assert.Equal(LeadField.Country, reader.FieldOf("Country/Region"));
        Assert.Equal(LeadField.Owner, reader.FieldOf("Contact owner"));
        Assert.Equal(["Record ID", "Lifecycle Stage", "Create Date"], reader.IgnoredColumns);
        Assert.Equal(6, rows.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], rows.Select(r => r.RowNumber));
        Assert.Equal([2L, 3, 4, 5, 6, 7], rows.Select(r => r.LineNumber));

        var acme = rows.Lead(1);
        Assert.Equal(("acme.com", LeadDomainSource.DomainColumn), (acme.Domain, acme.DomainSource));
        Assert.Equal("Acme Inc", acme.CompanyName);
        Assert.Equal(1200, acme.EmployeeCount);
        Assert.Equal(5_000_000m, acme.AnnualRevenue);
        Assert.Null(acme.RevenueCurrency);
        Assert.Equal(("US", "California", "San Francisco"), (acme.Country, acme.State, acme.City));
        Assert.Equal("Computer Software", acme.Industry);
        Assert.Equal("Sam Seller", acme.Owner);
        Assert.Equal("email:jane.doe@acme.com", acme.Contact!.Identity.Key);
        Assert.Equal(("Jane", "Doe", "VP Sales", "+1 415 555 0100"), (acme.Contact.FirstName, acme.Contact.LastName, acme.Contact.Title, acme.Contact.Phone));
        Assert.Equal("101", acme.Extra("Record ID"));
        Assert.Empty(rows[0].Warnings);

        var beispiel = rows.Lead(2);
        Assert.Equal(("beispiel.de", LeadDomainSource.Website), (beispiel.Domain, beispiel.DomainSource));
        Assert.Equal(125, beispiel.EmployeeCount);
        Assert.Equal((2_500_000m, "EUR"), (beispiel.AnnualRevenue, beispiel.RevenueCurrency));
        Assert.Equal("DE", beispiel.Country);
        Assert.Equal("email:max.mustermann@gmail.com", beispiel.Contact!.Identity.Key);

        var globex = rows.Lead(3);
        Assert.Equal(("globex.cn", LeadDomainSource.Email), (globex.Domain, globex.DomainSource));
        Assert.Equal(10001, globex.EmployeeCount);
        Assert.Equal(1_000_000_000m, globex.AnnualRevenue);
        Assert.Equal("CN", globex.Country);

        var bakery = rows.Rejected(4);
        Assert.Equal(5, bakery.LineNumber);
        Assert.Equal("Email", bakery.RejectedField);
        Assert.StartsWith("domain: is required; hotmail.com is a free-mail provider", bakery.RejectReason, StringComparison.Ordinal);

        var initech = rows.Lead(5);
        Assert.Equal("initech.com", initech.Domain);
        Assert.Null(initech.Contact);
        Assert.Equal("Email: email must contain exactly one @, as in jane@example.com; the contact was left out, the company kept", Assert.Single(rows[4].Warnings));
        Assert.Equal(6, initech.EmployeeCount);
        Assert.Equal((5_500_000m, "USD"), (initech.AnnualRevenue, initech.RevenueCurrency));
        Assert.Equal("GB", initech.Country);

        var contoso = rows.Lead(6);
        Assert.Equal(("contoso.com", LeadDomainSource.Email), (contoso.Domain, contoso.DomainSource));
        Assert.Null(contoso.Country);
        Assert.Equal(
            ["Company Domain Name: domain must not contain spaces; the domain contoso.com was taken from the email instead",
             "Country/Region: \"Narnia\" is not a country SalesOS recognises"],
            rows[5].Warnings);
    }

    [Fact]
    public async Task SalesforceLeadReport_MapsFieldsAndRejectsNamelessRowAndReportFooter()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("salesforce-leads.csv");

        Assert.Equal(LeadExportStyle.Salesforce, reader.Style);
        Assert.Equal(LeadField.CompanyName, reader.FieldOf("Company / Account"));
        Assert.Equal(LeadField.EmployeeCount, reader.FieldOf("No. of Employees"));
        Assert.Equal(LeadField.Source, reader.FieldOf("Lead Source"));
        Assert.Equal(["Lead Status"], reader.IgnoredColumns);
        Assert.Equal(5, rows.Count);

        var umbrella = rows.Lead(1);
        Assert.Equal(("umbrella.com", LeadDomainSource.Website), (umbrella.Domain, umbrella.DomainSource));
        Assert.Equal("Umbrella Corp", umbrella.CompanyName);
        Assert.Equal((12_500_000m, "USD"), (umbrella.AnnualRevenue, umbrella.RevenueCurrency));
        Assert.Equal(350, umbrella.EmployeeCount);
        Assert.Equal(("US", "MO", "Raccoon City"), (umbrella.Country, umbrella.State, umbrella.City));
        Assert.Equal(("Web", "Olivia Owner"), (umbrella.Source, umbrella.Owner));
        Assert.Equal("Open - Not Contacted", umbrella.Extra("Lead Status"));

        var cyberdyne = rows.Lead(2);
        Assert.Equal(("cyberdyne.io", LeadDomainSource.Email), (cyberdyne.Domain, cyberdyne.DomainSource));
        Assert.Equal((80_000_000m, "USD"), (cyberdyne.AnnualRevenue, cyberdyne.RevenueCurrency));
        Assert.Equal(1500, cyberdyne.EmployeeCount);
        Assert.Equal("US", cyberdyne.Country);

        var nameless = rows.Rejected(3);
        Assert.Equal(("Domain", 4L), (nameless.RejectedField, nameless.LineNumber));
        Assert.Equal("domain: is required; the row has no domain, website or business email", nameless.RejectReason);

        // Salesforce appends a confidentiality footer after a blank line: one-field rows, rejected, never leads.
        Assert.Equal([(4, 6L), (5, 7L)], rows.Where(r => r.RowNumber > 3).Select(r => (r.RowNumber, r.LineNumber)));
        Assert.All(rows.Skip(3), r => Assert.Equal("row: has 1 fields where the header has 16", r.RejectReason));
    }

    [Fact]
    public async Task ApolloPeopleExport_PrefersCompanyColumnsAndKeepsApolloExtras()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("apollo-people.csv");

        Assert.Equal(LeadExportStyle.Apollo, reader.Style);
        Assert.Equal(LeadField.EmployeeCount, reader.FieldOf("# Employees"));
        Assert.Equal(LeadField.CompanyName, reader.FieldOf("Company Name for Emails"));
        Assert.Equal(LeadField.LinkedInUrl, reader.FieldOf("Person Linkedin Url"));
        Assert.Equal(LeadField.CompanyLinkedInUrl, reader.FieldOf("Company Linkedin Url"));
        Assert.Equal(["Email Status", "Seniority", "Departments", "Keywords", "Apollo Contact Id", "Apollo Account Id"], reader.IgnoredColumns);
        Assert.Equal(3, rows.Count);

        var stark = rows.Lead(1);
        Assert.Equal("Stark Industries, Inc.", stark.CompanyName);
        Assert.Equal(("starkindustries.com", LeadDomainSource.Website), (stark.Domain, stark.DomainSource));
        Assert.Equal(5000, stark.EmployeeCount);
        Assert.Equal(250_000_000m, stark.AnnualRevenue);
        Assert.Equal(("US", "New York", "New York"), (stark.Country, stark.State, stark.City));
        Assert.Equal(["Salesforce", "Google Analytics", "Slack"], stark.Technologies);
        Assert.Equal("http://www.linkedin.com/company/stark-industries", stark.CompanyLinkedInUrl);
        Assert.Equal("+1 212 555 0199", stark.Contact!.Phone);
        Assert.Equal("http://www.linkedin.com/in/priya-patel-123", stark.Contact.LinkedInUrl);
        Assert.Equal("Director", stark.Extra("Seniority"));
        Assert.Equal("defense, energy", stark.Extra("Keywords"));

        var nordic = rows.Lead(2);
        Assert.Equal("nordicwidgets.se", nordic.Domain);
        Assert.Equal("+46 8 123 456", nordic.Contact!.Phone);
        Assert.Equal(["HubSpot", "WordPress"], nordic.Technologies);
        Assert.Equal((12_000_000m, "USD"), (nordic.AnnualRevenue, nordic.RevenueCurrency));
        Assert.Equal("SE", nordic.Country);

        var solo = rows.Rejected(3);
        Assert.Equal("Email", solo.RejectedField);
        Assert.Contains("gmail.com is a free-mail provider", solo.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SalesNavigatorExport_SplitsNamesAndLocationsAndIdentifiesContactsByProfile()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("salesnav-leads.csv");

        Assert.Equal(LeadExportStyle.SalesNavigator, reader.Style);
        Assert.Equal(LeadField.EmployeeCount, reader.FieldOf("Company Headcount"));
        Assert.Equal(LeadField.Location, reader.FieldOf("Location"));
        Assert.Equal(LeadField.LinkedInUrl, reader.FieldOf("Profile URL"));
        Assert.Empty(reader.IgnoredColumns);
        Assert.Equal(3, rows.Count);

        var siemens = rows.Lead(1);
        Assert.Equal("siemens-healthineers.com", siemens.Domain);
        Assert.Equal(10001, siemens.EmployeeCount);
        Assert.Equal(("DE", "Bavaria", "Erlangen"), (siemens.Country, siemens.State, siemens.City));
        Assert.Equal("linkedin:linkedin.com/in/hans-becker-42", siemens.Contact!.Identity.Key);
        Assert.Equal(("Hans", "Becker", "Head of Procurement"), (siemens.Contact.FirstName, siemens.Contact.LastName, siemens.Contact.Title));

        // "LinkedIn URL" is empty, and the Sales Navigator lead URL names no public profile: the company stays, the contact goes.
        var acme = rows.Lead(2);
        Assert.Equal(("acmelogistics.com", 125, "ES", "Madrid"), (acme.Domain, acme.EmployeeCount, acme.Country, acme.City));
        Assert.Null(acme.Contact);
        Assert.StartsWith("Profile URL: LinkedIn URL must be a person's profile", Assert.Single(rows[1].Warnings), StringComparison.Ordinal);

        var freelance = rows.Rejected(3);
        Assert.Equal(("Domain", 4L), (freelance.RejectedField, freelance.LineNumber));
    }

    [Fact]
    public async Task GenericHeaders_AreNotTakenForAVendor()
    {
        var (reader, _) = await LeadSamples.ReadAsync("tab-separated.tsv");

        Assert.Equal(LeadExportStyle.Generic, reader.Style);
    }
}
