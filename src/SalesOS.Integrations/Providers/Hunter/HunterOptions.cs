namespace SalesOS.Integrations.Providers.Hunter;

/// <summary>Section "SalesOS:Providers:Hunter".</summary>
public sealed class HunterOptions : ProviderOptions
{
    public const string SectionName = "SalesOS:Providers:Hunter";

    public HunterOptions()
    {
        BaseUrl = "https://api.hunter.io";
        // Hunter publishes 15/s and 500/min for search and finder, 10/s and 300/min for the verifier.
        RequestsPerMinute = 300;
        Burst = 10;
        // Domain search returns at most 100 emails a call (10 on the free plan).
        PageSize = 100;
    }
}
