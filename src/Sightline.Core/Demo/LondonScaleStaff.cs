using Microsoft.AspNetCore.Identity;
using Sightline.Core.Access;

namespace Sightline.Core.Demo;

/// <summary>
/// The partnerships of a London-scale database: one per borough (and the City), each with the demo's
/// nine agencies and their teams, and its share of the users. Small enough to hold in memory
/// (20,000 users); the generator draws authors, recorders and viewers from it.
/// </summary>
public sealed class LondonScaleStaff
{
    public sealed record Member(Guid Id, Guid AgencyId, string Email, Role Role);

    /// <summary>Who works in one partnership: its agencies (in <see cref="DemoPartnership.Agencies"/> order) and staff.</summary>
    public sealed class Partnership(int index, string borough)
    {
        public int Index { get; } = index;
        public string Borough { get; } = borough;
        public List<Agency> Agencies { get; } = [];
        public List<Member> Practitioners { get; } = [];
        public List<Member> Managers { get; } = [];
        public List<Member> Everyone { get; } = [];
        public Agency SocialCare => Agencies[0];
        /// <summary>Children's social care practitioners: involved with every young person of the partnership.</summary>
        public List<Member> SocialWorkers { get; } = [];
    }

    public IReadOnlyList<Partnership> Partnerships { get; }
    public IReadOnlyList<SightlineUser> Users { get; }
    public IEnumerable<Agency> Agencies => Partnerships.SelectMany(p => p.Agencies);
    public IEnumerable<Team> Teams => Agencies.SelectMany(a => a.Teams);

    private static readonly Role[] OtherRoles = [Role.Practitioner, Role.Practitioner, Role.Practitioner, Role.Practitioner, Role.Practitioner, Role.Practitioner, Role.TeamManager, Role.SeniorManager, Role.Analyst];

    /// <summary>
    /// Builds the partnerships and users for <paramref name="options"/>. User j belongs to partnership
    /// j mod P; in each partnership the first is a children's social care practitioner and the second
    /// its team manager, so every partnership can record and approve. The first partnership's first
    /// users are the demo accounts (<see cref="DemoPartnership.Accounts"/>, except the administrator,
    /// who needs an authenticator), with the demo password, so a benchmark or a person can sign in.
    /// </summary>
    public LondonScaleStaff(LondonScaleOptions options, DateTime now, LondonScaleRandom random)
    {
        var partnerships = new List<Partnership>();
        for (var p = 0; p < options.Partnerships; p++)
        {
            var partnership = new Partnership(p, LondonScaleOptions.Boroughs[p]);
            foreach (var (name, kind, teams) in DemoPartnership.Agencies)
            {
                var agency = new Agency { Id = random.Guid(), Version = random.Guid(), Name = $"{partnership.Borough} {name}", Kind = kind, CreatedAt = now };
                agency.Teams.AddRange(teams.Select(t => new Team { Id = random.Guid(), Version = random.Guid(), AgencyId = agency.Id, Name = t }));
                partnership.Agencies.Add(agency);
            }
            partnerships.Add(partnership);
        }
        Partnerships = partnerships;

        // One hash for everyone: PBKDF2 for 20,000 users would take minutes and prove nothing.
        var passwordHash = new PasswordHasher<SightlineUser>().HashPassword(null!, DemoPartnership.DemoPassword);
        var demoAccounts = DemoPartnership.Accounts.Where(a => a.Role != Role.Administrator).ToArray();
        var users = new List<SightlineUser>(options.Users);
        for (var j = 0; j < options.Users; j++)
        {
            var partnership = partnerships[j % options.Partnerships];
            var slot = j / options.Partnerships;
            var demo = partnership.Index == 0 && slot < demoAccounts.Length ? demoAccounts[slot] : null;
            var (agency, role) = demo is not null
                ? (partnership.Agencies.First(a => a.Name.EndsWith(" " + demo.Agency, StringComparison.Ordinal)), demo.Role)
                : slot switch
                {
                    0 => (partnership.SocialCare, Role.Practitioner),
                    1 => (partnership.SocialCare, Role.TeamManager),
                    // Two in five work in children's social care, the rest across the other agencies.
                    _ => (random.Chance(0.4) ? partnership.SocialCare : partnership.Agencies[random.Next(1, partnership.Agencies.Count)], OtherRoles[random.Next(OtherRoles.Length)]),
                };
            var email = demo?.Email ?? $"user{j + 1:D5}@{Slug(partnership.Borough)}.sightline.example";
            var user = new SightlineUser
            {
                Id = random.Guid(), DisplayName = demo?.Name ?? $"Staff Member {j + 1:D5}", AgencyId = agency.Id,
                TeamId = agency.Teams[random.Next(agency.Teams.Count)].Id, Role = role, CreatedAt = now, LockoutEnabled = true,
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = passwordHash, SecurityStamp = random.Guid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = random.Guid().ToString("D"),
            };
            users.Add(user);
            var member = new Member(user.Id, agency.Id, email, role);
            partnership.Everyone.Add(member);
            if (role == Role.Practitioner) partnership.Practitioners.Add(member);
            if (role == Role.Practitioner && agency == partnership.SocialCare) partnership.SocialWorkers.Add(member);
            if (role == Role.TeamManager) partnership.Managers.Add(member);
        }
        Users = users;
    }

    private static string Slug(string borough) => borough.ToLowerInvariant().Replace(' ', '-');
}
