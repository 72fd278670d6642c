using Sightline.Core.Assessments;
using Sightline.Core.Panels;
using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Web.Pages.VulnerableAdolescents;

/// <summary>
/// The index rules' facts taken from a record already loaded for the record page, so the page can
/// say whether the young person is on the index without another query. The same selection as
/// <see cref="IndexRecords.MembersOnAsync"/> makes from the database.
/// </summary>
public static class IndexFacts
{
    public static PersonFacts Of(PersonRecord record, DateOnly date)
    {
        var person = record.Person;
        var flags = person.Flags.Where(f => f.IsCurrentOn(date) && f.FlagType is not null)
            .Select(f => new FlagFact(f.FlagType!.Key, f.Level, f.StartDate)).ToList();
        var approved = record.Risk.Assessments
            .Where(s => s.Status is SeamStatus.Approved or SeamStatus.Superseded && s.DecidedAt is not null).ToList();
        var approvedAt = approved.ToDictionary(a => a.Id, a => a.DecidedAt);
        var seams = approved.Select(a => new SeamFact(a.DecidedAt!.Value,
            a.SupersededById is { } by && approvedAt.TryGetValue(by, out var at) ? at : null, a.Level)).ToList();
        var referrals = record.Risk.Referrals.Where(r => r.Status is ReferralStatus.Open or ReferralStatus.Accepted).Select(r => r.CreatedAt).ToList();
        return new PersonFacts(person.Id, person.Reference, person.FullName, person.DateOfBirth, person.LegalStatus,
            flags, record.IndexEntries, seams, referrals, record.Episodes.Select(e => e.LastSeenAt).ToList());
    }
}
