using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Integrations.Telephony;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Outreach.Telephony;

/// <summary>Telephony wired exactly as production does, pointed at a loopback Twilio.</summary>
internal static class TelephonyHost
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token-0123456789";
    public const string FromNumber = "+15005550006";

    public static Task<TwilioServer> StartServerAsync() => TwilioServer.StartAsync(AccountSid, AuthToken);

    public static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        before?.Invoke(services);
        services.AddSalesOSTelephony(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Short retry delays and timeouts, so fault tests take well under a second each.</summary>
    public static Dictionary<string, string?> Settings(Uri? baseUrl, params (string Key, string? Value)[] overrides)
    {
        const string prefix = "SalesOS:Telephony:Twilio:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "AccountSid"] = AccountSid,
            [prefix + "AuthToken"] = AuthToken,
            [prefix + "BaseUrl"] = baseUrl?.ToString() ?? "http://127.0.0.1:9",
            [prefix + "FromNumber"] = FromNumber,
            [prefix + "MaxAttempts"] = "3",
            [prefix + "RetryBaseDelay"] = "00:00:00.010",
            [prefix + "MaxRetryAfter"] = "00:00:05",
            [prefix + "Timeout"] = "00:00:10",
            [prefix + "TotalTimeout"] = "00:00:20",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key.StartsWith("SalesOS:", StringComparison.Ordinal) ? key : prefix + key] = value;
        }

        return settings;
    }

    /// <summary>The form fields of a logged request, in the order sent.</summary>
    public static List<KeyValuePair<string, string>> FormOf(VendorRequest request) =>
        [.. Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Body)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")))];

    public static string? Field(VendorRequest request, string name) =>
        FormOf(request).Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();
}
