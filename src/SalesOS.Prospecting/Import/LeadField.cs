namespace SalesOS.Prospecting.Import;

/// <summary>The canonical fields a lead-list column can map to, whatever the exporting tool called it.</summary>
public enum LeadField
{
    CompanyName,
    Domain,

    /// <summary>A website URL; the company's domain is derived from it when no domain column has one.</summary>
    Website,
    Industry,
    EmployeeCount,
    AnnualRevenue,
    Country,
    City,
    State,

    /// <summary>"City, State, Country" in one column (Sales Navigator's "Location"/"Geography"); fills the parts that are missing.</summary>
    Location,
    Technologies,
    FirstName,
    LastName,

    /// <summary>Split into first and last name when those columns are missing.</summary>
    FullName,
    Title,
    Email,
    Phone,
    LinkedInUrl,
    CompanyLinkedInUrl,
    Owner,
    Source,
}

/// <summary>The tool whose export a header row looks like; informational, the mapping works the same for all.</summary>
public enum LeadExportStyle
{
    Generic,
    HubSpot,
    Salesforce,
    Apollo,
    SalesNavigator,
}

public enum LeadFileFormat
{
    Csv,

    /// <summary>One JSON array of objects.</summary>
    JsonArray,

    /// <summary>Newline-delimited JSON: one object per line (NDJSON, JSON Lines).</summary>
    JsonLines,
}

/// <summary>Where a lead's company domain came from.</summary>
public enum LeadDomainSource
{
    DomainColumn,
    Website,

    /// <summary>The contact's business email; free-mail domains (gmail.com, ...) never count.</summary>
    Email,
}
