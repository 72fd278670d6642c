using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Panels;

public sealed record PanelInput(string? Type, string? Name, string? ChairEmail, IReadOnlyList<string>? MemberEmails, IReadOnlyList<string>? MemberAgencies, PanelSchedule? Schedule = null);

/// <summary>A referral as a panel's inbox shows it: the young person's reference and name are shared with the panel by the referral itself.</summary>
public sealed record PanelReferralLine(PanelReferral Referral, string PersonReference, string PersonName);

/// <summary>
/// Panels: set up by administrators, with the referrals they take up. A panel's chair decides on
/// referrals; any practitioner involved with a young person may refer them, with a reason.
/// </summary>
public sealed class PanelRecords(SightlineDb db, NeedToKnow needToKnow, TimeProvider clock)
{
    private const int MaxReason = 4000;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<Panel>> CreateAsync(CurrentUser admin, PanelInput input, CancellationToken cancellationToken = default)
    {
        if (admin.Role != Role.Administrator) return Outcome<Panel>.Refused("Only administrators set up panels.");
        var errors = new ValidationErrors();
        var type = PanelTypes.Find(input.Type);
        if (type is null) errors.Add("type", "type must be one of: " + string.Join(", ", PanelTypes.All.Select(t => t.Key)));
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Enter the panel's name");
        else if (name.Length > 200) errors.Add("name", "The name must be 200 characters or fewer");
        SightlineUser? chair = null;
        if (string.IsNullOrWhiteSpace(input.ChairEmail)) errors.Add("chairEmail", "Enter the email address of the chair");
        else if ((chair = await ActiveUserAsync(input.ChairEmail, cancellationToken)) is null) errors.Add("chairEmail", "There is no active user with this email address");
        var members = new List<SightlineUser>();
        foreach (var (email, index) in (input.MemberEmails ?? []).Select((e, i) => (e, i)))
        {
            var user = string.IsNullOrWhiteSpace(email) ? null : await ActiveUserAsync(email, cancellationToken);
            if (user is null) errors.Add($"memberEmails[{index}]", "There is no active user with this email address");
            else if (members.All(m => m.Id != user.Id) && user.Id != chair?.Id) members.Add(user);
        }
        var agencies = new List<Agency>();
        foreach (var (agencyName, index) in (input.MemberAgencies ?? []).Select((a, i) => (a, i)))
        {
            var trimmed = agencyName?.Trim() ?? "";
            var agency = await db.Agencies.FirstOrDefaultAsync(a => a.IsActive && a.Name == trimmed, cancellationToken);
            if (agency is null) errors.Add($"memberAgencies[{index}]", "There is no active agency with this name");
            else if (agencies.All(a => a.Id != agency.Id)) agencies.Add(agency);
        }
        if (errors.Any) return Outcome<Panel>.Invalid(errors);
        if (await db.Panels.AnyAsync(p => p.Name == name, cancellationToken)) return Outcome<Panel>.Stale();
        var panel = new Panel
        {
            Type = type!.Key, Name = name!, Schedule = input.Schedule ?? type.DefaultSchedule, ChairUserId = chair!.Id, CreatedAt = Now,
        };
        panel.Members.AddRange(members.Select(m => new PanelMember { PanelId = panel.Id, UserId = m.Id }));
        panel.Agencies.AddRange(agencies.Select(a => new PanelAgency { PanelId = panel.Id, AgencyId = a.Id }));
        db.Panels.Add(panel);
        // A panel set up after referrals were made takes up the open referrals of its type.
        foreach (var referral in await db.PanelReferrals.Where(r => r.PanelType == panel.Type && r.PanelId == null && r.Status == ReferralStatus.Open).ToListAsync(cancellationToken))
        {
            referral.PanelId = panel.Id;
            referral.Version = Guid.NewGuid();
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Panel>.Ok(panel);
    }

    private Task<SightlineUser?> ActiveUserAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.IsActive, cancellationToken);
    }

    public Task<List<Panel>> ListAsync(CancellationToken cancellationToken = default) =>
        WithPeople(db.Panels.AsNoTracking()).OrderBy(p => p.Name).ToListAsync(cancellationToken);

    public Task<Panel?> FindAsync(Guid panelId, CancellationToken cancellationToken = default) =>
        WithPeople(db.Panels.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == panelId, cancellationToken);

    private static IQueryable<Panel> WithPeople(IQueryable<Panel> panels) =>
        panels.Include(p => p.ChairUser).ThenInclude(u => u!.Agency).Include(p => p.Members).ThenInclude(m => m.User).ThenInclude(u => u!.Agency)
            .Include(p => p.Agencies).ThenInclude(a => a.Agency).AsSplitQuery();

    /// <summary>The referrals a panel may decide: its own, and open ones of its type no panel has taken up yet.</summary>
    public IQueryable<PanelReferral> ReferralsOf(Panel panel) =>
        db.PanelReferrals.Where(r => r.PanelId == panel.Id || (r.PanelId == null && r.PanelType == panel.Type && r.Status == ReferralStatus.Open));

    /// <summary>Open and accepted referrals, for the panel's chair and members only. Audited under each young person.</summary>
    public async Task<List<PanelReferralLine>> ReferralLinesAsync(CurrentUser user, Panel panel, CancellationToken cancellationToken = default)
    {
        if (!panel.IsMember(user.UserId)) return [];
        var rows = await (from r in ReferralsOf(panel).AsNoTracking()
                          where r.Status == ReferralStatus.Open || r.Status == ReferralStatus.Accepted
                          join p in db.People on r.PersonId equals p.Id
                          orderby r.Status, r.CreatedAt descending
                          select new { r, p.Reference, Name = p.FirstName + " " + p.LastName }).Take(500).ToListAsync(cancellationToken);
        foreach (var row in rows) db.Audit!.Record(AuditAction.View, "panel-referral", row.r.Id.ToString(), row.r.PersonId, new { panel = panel.Id });
        await db.SaveChangesAsync(cancellationToken);
        return rows.Select(r => new PanelReferralLine(r.r, r.Reference, r.Name)).ToList();
    }

    /// <summary>The chair accepts or declines a referral, saying why.</summary>
    public async Task<Outcome<PanelReferral>> DecideReferralAsync(CurrentUser user, Guid panelId, Guid referralId, bool accept, string? reason, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var panel = await db.Panels.AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == panelId, cancellationToken);
        if (panel is null || !panel.IsMember(user.UserId)) return Outcome<PanelReferral>.Missing();
        var referral = await ReferralsOf(panel).FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null) return Outcome<PanelReferral>.Missing();
        if (panel.ChairUserId != user.UserId) return Outcome<PanelReferral>.Refused("Only the panel's chair accepts or declines referrals.");
        if (referral.Status != ReferralStatus.Open) return Outcome<PanelReferral>.Refused("This referral has already been decided.");
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", accept ? "Enter why the panel accepts the referral" : "Enter why the panel declines the referral");
        else if (reason.Length > MaxReason) errors.Add("reason", $"The reason must be {MaxReason:N0} characters or fewer");
        if (errors.Any) return Outcome<PanelReferral>.Invalid(errors);
        if (expectedVersion is { } version && version != referral.Version) return Outcome<PanelReferral>.Stale();
        referral.PanelId = panel.Id;
        referral.Status = accept ? ReferralStatus.Accepted : ReferralStatus.Declined;
        referral.DecidedAt = Now;
        referral.DecidedByUserId = user.UserId;
        referral.DecisionReason = reason!.Trim();
        referral.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PanelReferral>.Stale();
        }
        return Outcome<PanelReferral>.Ok(referral);
    }

    /// <summary>The young person a referral form is about, for someone who may refer them (see <see cref="ReferAsync"/>); null otherwise. Audited as a view.</summary>
    public async Task<PersonSummaryLine?> ReferrableAsync(CurrentUser user, Guid personId, CancellationToken cancellationToken = default)
    {
        var decision = await needToKnow.DecideAsync(user, personId, cancellationToken);
        if (decision.Basis is not (AccessBasis.AgencyInvolved or AccessBasis.NamedOnRestrictedRecord)) return null;
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new PersonSummaryLine(p.Id, p.Reference, p.FirstName + " " + p.LastName, p.DateOfBirth)).FirstAsync(cancellationToken);
        await db.Audit!.RecordNowAsync(AuditAction.View, "person", personId.ToString(), personId, new { purpose = "panel-referral" }, cancellationToken);
        return person;
    }

    /// <summary>A manual referral by a practitioner or manager whose agency is involved with the young person (or who is named on a restricted record).</summary>
    public async Task<Outcome<PanelReferral>> ReferAsync(CurrentUser user, Guid panelId, Guid personId, string? reason, RiskLevel? level, CancellationToken cancellationToken = default)
    {
        var decision = await needToKnow.DecideAsync(user, personId, cancellationToken);
        if (!decision.Allowed) return Outcome<PanelReferral>.Missing();
        var panel = await db.Panels.AsNoTracking().FirstOrDefaultAsync(p => p.Id == panelId && p.IsActive, cancellationToken);
        if (panel is null) return Outcome<PanelReferral>.Missing();
        if (decision.Basis is not (AccessBasis.AgencyInvolved or AccessBasis.NamedOnRestrictedRecord))
            return Outcome<PanelReferral>.Refused("Only practitioners involved with the young person can refer them to a panel.");
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "Enter why you are referring the young person to the panel");
        else if (reason.Length > MaxReason) errors.Add("reason", $"The reason must be {MaxReason:N0} characters or fewer");
        if (errors.Any) return Outcome<PanelReferral>.Invalid(errors);
        if (await db.PanelReferrals.AnyAsync(r => r.PersonId == personId && r.PanelId == panelId && r.Status == ReferralStatus.Open, cancellationToken))
            return Outcome<PanelReferral>.Refused("The young person already has an open referral to this panel.");
        var referral = new PanelReferral
        {
            PersonId = personId, PanelType = panel.Type, PanelId = panel.Id, RiskLevel = level, Reason = reason!.Trim(), CreatedAt = Now, CreatedByUserId = user.UserId,
        };
        db.PanelReferrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PanelReferral>.Ok(referral);
    }
}
