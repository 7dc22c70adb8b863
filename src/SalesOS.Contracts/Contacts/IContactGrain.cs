using SalesOS.Contracts.Domain;

namespace SalesOS.Contracts.Contacts;

/// <summary>
/// One person of one workspace, keyed "{workspaceId}/{identity}" where the identity is
/// "email:&lt;normalised address&gt;" or "linkedin:&lt;profile path&gt;" (<see cref="Domain.WorkspaceKey"/>): a
/// person found twice is the same grain.
/// </summary>
[Alias("SalesOS.Contacts.IContactGrain")]
public interface IContactGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<ContactSnapshot?> Get();

    /// <summary>
    /// Registers the contact (state Found) or merges a duplicate sighting. Refused (CommandRejectedException) for a suppressed person.
    /// A new contact registered with an email verdict ("deliverable"/"risky" or "undeliverable") is verified or invalidated in the same write.
    /// </summary>
    [Alias("Register")]
    Task<ContactSnapshot> Register(ContactRegistration registration, CommandContext context);

    [Alias("Transition")]
    Task<ContactSnapshot> Transition(ContactTransition transition, CommandContext context);

    [Alias("GetTimeline")]
    Task<IReadOnlyList<Activity>> GetTimeline();

    /// <summary>GDPR access: everything SalesOS holds about this person.</summary>
    [Alias("Export")]
    Task<ContactExport?> Export();

    /// <summary>GDPR erasure: forgets every personal detail, leaving only a salted hash in the workspace's suppression list.</summary>
    [Alias("Erase")]
    Task<bool> Erase(CommandContext context);
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Contacts.ContactRegistration")]
public sealed record ContactRegistration(
    [property: Id(0)] string Source,
    [property: Id(1)] string? Email = null,
    [property: Id(2)] string? LinkedInUrl = null,
    [property: Id(3)] string? FirstName = null,
    [property: Id(4)] string? LastName = null,
    [property: Id(5)] string? Title = null,
    [property: Id(6)] string? Seniority = null,
    [property: Id(7)] string? Department = null,
    [property: Id(8)] string? Phone = null,
    [property: Id(9)] string? CompanyDomain = null,
    [property: Id(10)] string? LawfulBasis = null,
    [property: Id(11)] double? BuyingAuthority = null,
    [property: Id(12)] string? EmailVerification = null,
    [property: Id(13)] string? PhoneVerification = null);

/// <summary>A trigger and the details some triggers need (tier for Score, sequence for Enroll, kind for RecordReply).</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Contacts.ContactTransition")]
public sealed record ContactTransition(
    [property: Id(0)] ContactTrigger Trigger,
    [property: Id(1)] int? Tier = null,
    [property: Id(2)] string? SequenceId = null,
    [property: Id(3)] ReplyKind? ReplyKind = null,
    [property: Id(4)] Companies.ScoreExplanation? Priority = null);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Contacts.ContactSnapshot")]
public sealed record ContactSnapshot(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string Identity,
    [property: Id(2)] ContactState State,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? LinkedInUrl,
    [property: Id(5)] string? FirstName,
    [property: Id(6)] string? LastName,
    [property: Id(7)] string? Title,
    [property: Id(8)] string? Seniority,
    [property: Id(9)] string? Department,
    [property: Id(10)] string? Phone,
    [property: Id(11)] string? CompanyDomain,
    [property: Id(12)] string? LawfulBasis,
    [property: Id(13)] int? Tier,
    [property: Id(14)] string? SequenceId,
    [property: Id(15)] int SequenceStep,
    [property: Id(16)] ReplyKind? LastReply,
    [property: Id(17)] IReadOnlyList<string> Sources,
    [property: Id(18)] long Version,
    [property: Id(19)] DateTimeOffset CreatedAt,
    [property: Id(20)] DateTimeOffset UpdatedAt,
    [property: Id(21)] double? BuyingAuthority = null,
    [property: Id(22)] string? EmailVerification = null,
    [property: Id(23)] string? PhoneVerification = null,
    [property: Id(24)] Companies.ScoreExplanation? Priority = null,
    [property: Id(25)] Outreach.EnrollmentSnapshot? Enrollment = null,
    /// <summary>The engagement agent's decayed score of this person's touches, as of <see cref="EngagementAt"/>.</summary>
    [property: Id(26)] double EngagementValue = 0,
    [property: Id(27)] DateTimeOffset? EngagementAt = null,
    [property: Id(28)] string? EngagementExplanation = null,
    [property: Id(29)] string? TimeZone = null);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Contacts.ContactExport")]
public sealed record ContactExport(
    [property: Id(0)] ContactSnapshot Contact,
    [property: Id(1)] IReadOnlyList<Activity> Timeline,
    [property: Id(2)] DateTimeOffset ExportedAt);

/// <summary>Published on <see cref="StreamIds.ContactEvents"/> (stream key: workspace id). <see cref="Contact"/> is null when the contact was erased.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Contacts.ContactChanged")]
public sealed record ContactChanged(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string WorkspaceId,
    [property: Id(3)] string Identity,
    [property: Id(4)] Activity Activity,
    [property: Id(5)] ContactSnapshot? Contact);

/// <summary>A filtered page of a workspace's contacts from the read model, in identity order.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Contacts.ContactQuery")]
public sealed record ContactQuery(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] ContactState? State = null,
    [property: Id(2)] int? Tier = null,
    [property: Id(3)] string? CompanyDomain = null,
    [property: Id(4)] string? Search = null,
    [property: Id(5)] int Limit = 50,
    [property: Id(6)] string? Cursor = null,
    [property: Id(7)] string? MarketId = null,
    [property: Id(8)] bool ByPriority = false);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Contacts.ContactListItem")]
public sealed record ContactListItem(
    [property: Id(0)] string Identity,
    [property: Id(1)] ContactState State,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? FirstName,
    [property: Id(4)] string? LastName,
    [property: Id(5)] string? Title,
    [property: Id(6)] string? CompanyDomain,
    [property: Id(7)] int? Tier,
    [property: Id(8)] long Version,
    [property: Id(9)] double? Priority = null,
    [property: Id(10)] Companies.ScoreExplanation? Explanation = null,
    [property: Id(11)] string? Seniority = null,
    [property: Id(12)] string? Department = null);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Contacts.ContactPage")]
public sealed record ContactPage(
    [property: Id(0)] IReadOnlyList<ContactListItem> Items,
    [property: Id(1)] string? NextCursor);

[Alias("SalesOS.Contacts.IContactQueryGrain")]
public interface IContactQueryGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<ContactPage> Query(ContactQuery query);
}
