using SalesOS.Outreach.Ports;

namespace SalesOS.Grains.Outreach;

/// <summary>How outreach runs (section <c>SalesOS:Outreach</c>): where links point, the sending mailboxes, timing.</summary>
public sealed class OutreachOptions
{
    public const string SectionName = "SalesOS:Outreach";

    /// <summary>The public address of the REST gateway: open pixels, click redirects and unsubscribe links point here.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Secret (hex or base64, at least 32 bytes) signing tracking and unsubscribe links and Message-IDs; the
    /// same on every silo. The embedded profile makes one in its data folder when none is set.
    /// </summary>
    public string? TrackingKey { get; set; }

    /// <summary>The sending mailboxes, each of one workspace. A workspace without any sends to an outbox folder.</summary>
    public List<MailboxOptions> Mailboxes { get; set; } = [];

    /// <summary>Folder (under the data folder when relative) where the offline default writes messages: one sub-folder per workspace.</summary>
    public string OutboxDirectory { get; set; } = "outbox";

    /// <summary>Folder where the offline default reads replies dropped in as .eml files: one sub-folder per workspace.</summary>
    public string InboxDirectory { get; set; } = "inbox";

    /// <summary>While a step is being worked on, the contact checks on it this often (at least the reminder minimum).</summary>
    public TimeSpan RecheckPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Longest a follow-up reminder waits before the contact looks at the clock again. Zero: each reminder is
    /// due exactly when its step is. Tests set a second so a moved test clock is noticed at once.
    /// </summary>
    public TimeSpan MaxReminderDelay { get; set; } = TimeSpan.Zero;

    /// <summary>A step handed to an agent with no news for this long is handed over again (its silo may have died).</summary>
    public TimeSpan DispatchTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>A rep's task still open this many days after it was due is skipped, so the sequence moves on.</summary>
    public int TaskExpiryDays { get; set; } = 3;

    /// <summary>Shortest and longest gap between two sends of one mailbox (drawn between them, human-like).</summary>
    public TimeSpan MinSpacing { get; set; } = TimeSpan.FromSeconds(90);

    public TimeSpan MaxSpacing { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>How long one inbox read waits for new mail (IMAP IDLE is renewed this often).</summary>
    public TimeSpan ReaderWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Health thresholds: a mailbox is paused above them, judged once it sent at least <see cref="MinimumSentForHealth"/> in 30 days.</summary>
    public double MaxBounceRate { get; set; } = 0.03;

    public double MaxComplaintRate { get; set; } = 0.003;

    public int MinimumSentForHealth { get; set; } = 50;

    /// <summary>Test-only fault injection: the silo process ends abruptly right after (or right before) handing a message to the mail server.</summary>
    public string? CrashAt { get; set; }
}

/// <summary>One sending mailbox (an item of <c>SalesOS:Outreach:Mailboxes</c>). Passwords come from the environment.</summary>
public sealed class MailboxOptions
{
    public string Workspace { get; set; } = "";

    public string Address { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>The SMTP server it sends through; none: messages go to the outbox folder.</summary>
    public MailServerEndpoint? Smtp { get; set; }

    /// <summary>The IMAP server it reads replies from; none: the inbox folder.</summary>
    public MailServerEndpoint? Imap { get; set; }

    public string SentFolder { get; set; } = "Sent";

    /// <summary>Most messages a day once warmed up.</summary>
    public int DailyCap { get; set; } = 50;

    /// <summary>Warm-up: the first day's cap and the daily increase until <see cref="DailyCap"/>; no start date means no warm-up.</summary>
    public int WarmUpStartPerDay { get; set; } = 10;

    public int WarmUpIncreasePerDay { get; set; } = 5;

    public DateOnly? WarmUpStartedOn { get; set; }

    /// <summary>IANA time zone its days are counted in (caps reset at its midnight).</summary>
    public string TimeZone { get; set; } = "UTC";

    public DkimOptions? Dkim { get; set; }

    /// <summary>What the mailbox costs a month (seat, warm-up service), for the cost per email.</summary>
    public decimal MonthlyCost { get; set; }
}

public sealed class DkimOptions
{
    public string Domain { get; set; } = "";

    public string Selector { get; set; } = "";

    /// <summary>PEM file of the RSA private key (or the PEM text itself in <see cref="PrivateKey"/>, e.g. from the environment).</summary>
    public string? PrivateKeyPath { get; set; }

    public string? PrivateKey { get; set; }
}
