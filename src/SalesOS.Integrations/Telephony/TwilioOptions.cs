namespace SalesOS.Integrations.Telephony;

/// <summary>
/// A Twilio-compatible REST account (API version 2010-04-01). Secrets come from configuration or the
/// environment (<c>SalesOS__Telephony__Twilio__AuthToken</c>), never from committed files.
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "SalesOS:Telephony:Twilio";

    public string? AccountSid { get; set; }

    /// <summary>The account's auth token: signs in (unless an API key is set) and is the key webhooks are signed with.</summary>
    public string? AuthToken { get; set; }

    /// <summary>An API key (SK...) to sign in with instead of the auth token; webhook signatures still need <see cref="AuthToken"/>.</summary>
    public string? ApiKeySid { get; set; }

    public string? ApiKeySecret { get; set; }

    public string BaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>The number SMS and calls come from (E.164) when the message names none.</summary>
    public string? FromNumber { get; set; }

    /// <summary>A messaging service (MG...) that picks the sender from its pool; used for SMS without an explicit From.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a request may take with its retries and any Retry-After waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts per request including the first; 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the send is deferred instead.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages per page when looking for an SMS already sent.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Pages read before giving up on finding an SMS already sent (the answer is then "cannot tell").</summary>
    public int MaxPages { get; set; } = 20;

    /// <summary>How far the provider's clock may be behind ours when matching an SMS already sent.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The voice reading the script (Twilio's default when empty), e.g. "Polly.Joanna".</summary>
    public string? Voice { get; set; }

    /// <summary>The script's language, e.g. "en-US" or "de-DE" (Twilio's default when empty).</summary>
    public string? Language { get; set; }

    /// <summary>Longest answer recorded after the script.</summary>
    public int AnswerMaxSeconds { get; set; } = 120;

    /// <summary>Ask the provider whether a person or a machine answered (reported as AnsweredBy).</summary>
    public bool DetectAnsweringMachine { get; set; } = true;

    public bool UsesApiKey => !string.IsNullOrWhiteSpace(ApiKeySid) && !string.IsNullOrWhiteSpace(ApiKeySecret);

    public bool HasCredentials =>
        !string.IsNullOrWhiteSpace(AccountSid) && (UsesApiKey || !string.IsNullOrWhiteSpace(AuthToken));

    public bool CanSendSms =>
        HasCredentials && (!string.IsNullOrWhiteSpace(FromNumber) || !string.IsNullOrWhiteSpace(MessagingServiceSid));
}

/// <summary>Telephony settings that are not the provider's: where SMS go when no provider is configured.</summary>
public sealed class TelephonyOptions
{
    public const string SectionName = "SalesOS:Telephony";

    /// <summary>The offline default's folder; a relative path is taken from the working directory.</summary>
    public string OutboxDirectory { get; set; } = Path.Combine("data", "sms-outbox");
}
