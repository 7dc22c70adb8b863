namespace SalesOS.Integrations.Providers.Apollo;

/// <summary>Section "SalesOS:Providers:Apollo".</summary>
public sealed class ApolloOptions : ProviderOptions
{
    public const string SectionName = "SalesOS:Providers:Apollo";

    public ApolloOptions()
    {
        BaseUrl = "https://api.apollo.io";
        RequestsPerMinute = 50;
        PageSize = 100;
    }

    /// <summary>
    /// Apollo's current docs name POST /api/v1/mixed_people/api_search for API-key callers; older
    /// integrations used /api/v1/mixed_people/search. Configurable so either can be chosen.
    /// </summary>
    public string PeopleSearchPath { get; set; } = "api/v1/mixed_people/api_search";
}
