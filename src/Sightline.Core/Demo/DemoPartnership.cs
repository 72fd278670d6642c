using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Core.Demo;

/// <summary>
/// Fills an empty database with a synthetic partnership: the seeds' agencies, teams, one user per
/// role (and practitioners in other agencies to show need-to-know), and synthetic young people.
/// </summary>
public sealed class DemoPartnership(SightlineDb db, UserManager<SightlineUser> users, TimeProvider clock)
{
    /// <summary>Shared by every demo account; a real install sets <c>Demo:Enabled=false</c>.</summary>
    public const string DemoPassword = "Sightline-demo-2026";

    /// <summary>The demo administrator's authenticator key (administrators must use two-factor sign-in).</summary>
    public const string DemoAdministratorAuthenticatorKey = "JBSWY3DPEHPK3PXPSIGHTLINEDEMO234";

    public static readonly (string Name, AgencyKind Kind, string[] Teams)[] Agencies =
    [
        ("Children's Social Care", AgencyKind.ChildrensSocialCare, ["Assessment team", "Intervention and planning", "Exploitation and missing team"]),
        ("Early Help", AgencyKind.EarlyHelp, ["Early help hub"]),
        ("Youth Offending Team", AgencyKind.YouthOffending, ["Youth offending service"]),
        ("Police", AgencyKind.Police, ["Exploitation and missing unit", "Safer schools officers"]),
        ("Health", AgencyKind.Health, ["School nursing", "Sexual health", "CAMHS"]),
        ("Education", AgencyKind.Education, ["Inclusion and attendance"]),
        ("Probation", AgencyKind.Probation, ["Young adults team"]),
        ("Housing", AgencyKind.Housing, ["Homelessness and tenancy"]),
        ("Safe Spaces Youth Project", AgencyKind.Voluntary, ["Detached youth work"]),
    ];

    public sealed record DemoAccount(string Email, string Name, Role Role, string Agency);

    public static readonly DemoAccount[] Accounts =
    [
        new("practitioner@sightline.example", "Priya Practitioner", Role.Practitioner, "Children's Social Care"),
        new("manager@sightline.example", "Tom Teammanager", Role.TeamManager, "Children's Social Care"),
        new("senior@sightline.example", "Sade Seniormanager", Role.SeniorManager, "Children's Social Care"),
        new("analyst@sightline.example", "Ana Analyst", Role.Analyst, "Children's Social Care"),
        new("admin@sightline.example", "Adam Administrator", Role.Administrator, "Children's Social Care"),
        new("police@sightline.example", "Pat Police", Role.Practitioner, "Police"),
        new("yot@sightline.example", "Yemi Youthoffending", Role.Practitioner, "Youth Offending Team"),
        new("health@sightline.example", "Hollie Health", Role.Practitioner, "Health"),
    ];

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        !await db.Agencies.AnyAsync(cancellationToken) && !await db.Users.AnyAsync(cancellationToken);

    public async Task SeedAsync(int people = 300, int seed = 2017, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = new List<Agency>();
        foreach (var (name, kind, teams) in Agencies)
        {
            var agency = new Agency { Name = name, Kind = kind, CreatedAt = now };
            agency.Teams.AddRange(teams.Select(t => new Team { Name = t }));
            agencies.Add(agency);
        }
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync(cancellationToken);

        var accounts = new Dictionary<string, SightlineUser>();
        foreach (var account in Accounts)
        {
            var agency = agencies.Single(a => a.Name == account.Agency);
            var user = new SightlineUser
            {
                UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name,
                AgencyId = agency.Id, TeamId = agency.Teams[0].Id, Role = account.Role, CreatedAt = now, LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, DemoPassword));
            if (account.Role == Role.Administrator)
            {
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAdministratorAuthenticatorKey));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            accounts[account.Email] = user;
        }

        var staff = new DemoStaff(
            Accounts.Where(a => a.Role == Role.Practitioner).Select(a => Member(accounts[a.Email])).ToList(),
            Member(accounts.Values.First(u => u.Role == Role.TeamManager)),
            Member(accounts.Values.First(u => u.Role == Role.SeniorManager)));
        var assessments = new DemoAssessments(seed, staff, now);
        var missing = new DemoMissing(seed, staff, now,
            agencies.Where(a => a.Kind == AgencyKind.Voluntary).Concat(agencies.Where(a => a.Kind == AgencyKind.ChildrensSocialCare)).Select(a => a.Id).ToList(),
            agencies.FirstOrDefault(a => a.Kind == AgencyKind.Police)?.Id);
        await AddPeopleAsync(agencies, accounts["practitioner@sightline.example"].Id, people, seed, cancellationToken, assessments, missing);
        await AddNetworkAsync(seed, now, Member(accounts["police@sightline.example"]), Member(accounts["practitioner@sightline.example"]),
            agencies.First(a => a.Kind == AgencyKind.Housing).Id, cancellationToken);
        await new DemoPanels(db, clock).SeedAsync(seed, cancellationToken);
    }

    /// <summary>The demo network (<see cref="DemoNetwork"/>) among 11–17-year-olds, written directly like the people.</summary>
    private async Task AddNetworkAsync(int seed, DateTime now, DemoStaff.Member police, DemoStaff.Member practitioner, Guid councilAgencyId, CancellationToken cancellationToken)
    {
        var today = London.DateOf(now);
        var (oldest, youngest) = (today.AddYears(-18).AddDays(1), today.AddYears(-11));
        var youngPeople = await db.People.Where(p => !p.IsRestricted && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest)
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.DateOfBirth).Select(p => p.Id)
            .Take(DemoNetwork.YoungPeopleNeeded).ToListAsync(cancellationToken);
        var tactics = await db.DisruptionTactics.ToDictionaryAsync(t => t.Key, t => t.Id, cancellationToken);
        var network = DemoNetwork.Build(seed, now, youngPeople, police, practitioner, tactics, councilAgencyId);
        db.PersonsOfConcern.AddRange(network.PersonsOfConcern);
        db.Places.AddRange(network.Places);
        db.DisruptionActivities.AddRange(network.Disruption);
        db.Associations.AddRange(network.Associations);
        await db.SaveWithoutAuditAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static DemoStaff.Member Member(SightlineUser user) => new(user.Id, user.AgencyId, user.DisplayName);

    /// <summary>
    /// Adds synthetic young people in batches. Used by the demo and by benchmarks (100,000+). With
    /// <paramref name="assessments"/> (the demo), some of them also get screens, assessments, plans,
    /// referrals and notifications; with <paramref name="missing"/>, missing episodes, return home
    /// interviews and index entries. Like the people, these are written directly, not audited.
    /// </summary>
    public async Task AddPeopleAsync(IReadOnlyList<Agency> agencies, Guid createdBy, int count, int seed, CancellationToken cancellationToken = default,
        DemoAssessments? assessments = null, DemoMissing? missing = null)
    {
        var generator = new SyntheticPeople(seed);
        var today = clock.LondonToday();
        var now = clock.GetUtcNow().UtcDateTime;
        var flagTypes = await db.FlagTypes.ToDictionaryAsync(t => t.Key, cancellationToken);
        var social = agencies.First(a => a.Kind == AgencyKind.ChildrensSocialCare);
        const int batchSize = 500;
        for (var done = 0; done < count; done += batchSize)
        {
            for (var i = done; i < Math.Min(count, done + batchSize); i++)
            {
                var generated = generator.Next(today, now, createdBy);
                var person = generated.Person;
                person.Agencies.Add(new AgencyInvolvement
                {
                    AgencyId = social.Id, StartDate = today.AddDays(-generator.Number(700)), AddedByUserId = createdBy,
                    ContactName = generator.ContactName(), ContactPhone = $"020 8359 {1000 + generator.Number(8999)}", ContactEmail = "duty.team@sightline.example",
                });
                foreach (var index in generated.ExtraAgencyIndexes)
                {
                    var agency = agencies[1 + index % (agencies.Count - 1)];
                    if (person.Agencies.Any(a => a.AgencyId == agency.Id)) continue;
                    person.Agencies.Add(new AgencyInvolvement
                    {
                        AgencyId = agency.Id, StartDate = today.AddDays(-generator.Number(500)), AddedByUserId = createdBy,
                        ContactName = generator.ContactName(), ContactPhone = $"020 7{generator.Number(1000, 9999)} {generator.Number(1000, 9999)}",
                    });
                }
                // Every YOT flag means the YOT is involved.
                var yot = agencies.FirstOrDefault(a => a.Kind == AgencyKind.YouthOffending);
                if (yot is not null && generated.Flags.Any(f => f.FlagKey == "yot") && person.Agencies.All(a => a.AgencyId != yot.Id))
                    person.Agencies.Add(new AgencyInvolvement { AgencyId = yot.Id, StartDate = today.AddDays(-generator.Number(300)), AddedByUserId = createdBy, ContactName = generator.ContactName() });
                foreach (var (key, level, start, end) in generated.Flags)
                {
                    if (!flagTypes.TryGetValue(key, out var type)) continue;
                    person.Flags.Add(new PersonFlag
                    {
                        FlagTypeId = type.Id, Level = level, StartDate = start, EndDate = end, SetByUserId = createdBy, SetAt = now,
                        EndedByUserId = end is null ? null : createdBy,
                    });
                }
                if (assessments?.For(person) is { IsEmpty: false } demo)
                {
                    db.SafeguardScreens.AddRange(demo.Screens);
                    db.SeamAssessments.AddRange(demo.Assessments);
                    db.ActionItems.AddRange(demo.Actions);
                    db.PanelReferrals.AddRange(demo.Referrals);
                    db.Notifications.AddRange(demo.Notifications);
                }
                if (missing?.For(person) is { IsEmpty: false } episodes)
                {
                    db.MissingEpisodes.AddRange(episodes.Episodes); // with their interviews
                    db.IndexEntries.AddRange(episodes.IndexEntries);
                    db.Notifications.AddRange(episodes.Notifications);
                }
                // A demo record reads as if it was opened when the first agency became involved.
                person.CreatedAt = person.UpdatedAt = person.Agencies.Min(a => a.StartDate).ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc);
                db.People.Add(person);
            }
            await db.SaveWithoutAuditAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
