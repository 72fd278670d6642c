using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sightline.Core.Access;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Missing;
using Sightline.Core.Network;
using Sightline.Core.Notifications;
using Sightline.Core.Panels;
using Sightline.Core.People;
using Sightline.Core.Performance;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Core.Data;

/// <summary>
/// The one database context. Saving also appends the audit entries for what changed (see
/// <see cref="AuditTrail"/>), in the same transaction, so a change is never stored unaudited.
/// </summary>
public class SightlineDb : IdentityUserContext<SightlineUser, Guid>
{
    public SightlineDb(DbContextOptions<SightlineDb> options, AuditTrail? audit = null) : base(options)
    {
        Audit = audit?.Attach(this);
    }

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<AgencyInvolvement> AgencyInvolvements => Set<AgencyInvolvement>();
    public DbSet<FlagType> FlagTypes => Set<FlagType>();
    public DbSet<PersonFlag> PersonFlags => Set<PersonFlag>();
    public DbSet<PersonAccessGrant> PersonAccessGrants => Set<PersonAccessGrant>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<BreakGlassAccess> BreakGlassAccesses => Set<BreakGlassAccess>();
    public DbSet<SafeguardScreen> SafeguardScreens => Set<SafeguardScreen>();
    public DbSet<SafeguardScreenArea> SafeguardScreenAreas => Set<SafeguardScreenArea>();
    public DbSet<SeamAssessment> SeamAssessments => Set<SeamAssessment>();
    public DbSet<SeamScore> SeamScores => Set<SeamScore>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<PanelReferral> PanelReferrals => Set<PanelReferral>();
    public DbSet<Panel> Panels => Set<Panel>();
    public DbSet<PanelMember> PanelMembers => Set<PanelMember>();
    public DbSet<PanelAgency> PanelAgencies => Set<PanelAgency>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<StrategicNote> StrategicNotes => Set<StrategicNote>();
    public DbSet<PanelAction> PanelActions => Set<PanelAction>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<MissingEpisode> MissingEpisodes => Set<MissingEpisode>();
    public DbSet<ReturnHomeInterview> ReturnHomeInterviews => Set<ReturnHomeInterview>();
    public DbSet<IndexEntry> IndexEntries => Set<IndexEntry>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<AreaGroup> AreaGroups => Set<AreaGroup>();
    public DbSet<AreaGroupMember> AreaGroupMembers => Set<AreaGroupMember>();
    public DbSet<PopulationEstimate> PopulationEstimates => Set<PopulationEstimate>();
    public DbSet<HouseholdEstimate> HouseholdEstimates => Set<HouseholdEstimate>();
    public DbSet<CrimeCount> CrimeCounts => Set<CrimeCount>();
    public DbSet<LsoaCrimeCount> LsoaCrimeCounts => Set<LsoaCrimeCount>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<PersonOfConcern> PersonsOfConcern => Set<PersonOfConcern>();
    public DbSet<PersonOfConcernVehicle> PersonOfConcernVehicles => Set<PersonOfConcernVehicle>();
    public DbSet<PersonOfConcernAccess> PersonOfConcernAccess => Set<PersonOfConcernAccess>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<DisruptionTactic> DisruptionTactics => Set<DisruptionTactic>();
    public DbSet<DisruptionActivity> DisruptionActivities => Set<DisruptionActivity>();
    public DbSet<Association> Associations => Set<Association>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    /// <summary>The audit trail bound to this context (null only for design-time tooling).</summary>
    public AuditTrail? Audit { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums as their names: readable in SQL, safe if members are reordered.
        builder.Properties<Role>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<AgencyKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Sex>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<LegalStatus>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<FlagLevel>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(24);
        builder.Properties<RiskLevel>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<SeamStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<SeamRouting>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<ActionStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<ReferralStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<EmailState>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<MissingCategory>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<MissingFrom>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<PoliceRiskGrading>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<AreaKind>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<PeriodKind>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<ConcernCategory>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<PlaceType>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<DisruptionStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<NodeKind>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<AssociationType>().HaveConversion<string>().HaveMaxLength(24);
        builder.Properties<Confidence>().HaveConversion<string>().HaveMaxLength(8);
        builder.Properties<PanelSchedule>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<MeetingStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<AttendanceStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<AgendaKind>().HaveConversion<string>().HaveMaxLength(24);
        builder.Properties<PanelDecision>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<StrategicNoteKind>().HaveConversion<string>().HaveMaxLength(24);
        if (Database.IsSqlite())
        {
            // SQLite has no time zone type: every DateTime we store is UTC, so say so when reading back.
            builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<SightlineUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
            user.HasOne(u => u.Team).WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
            user.HasIndex(u => u.AgencyId);
        });
        model.Entity<Agency>(agency =>
        {
            agency.Property(a => a.Name).HasMaxLength(200);
            agency.HasIndex(a => a.Name).IsUnique();
            agency.Property(a => a.Version).IsConcurrencyToken();
        });
        model.Entity<Team>(team =>
        {
            team.Property(t => t.Name).HasMaxLength(200);
            team.HasOne(t => t.Agency).WithMany(a => a.Teams).HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
            team.HasIndex(t => new { t.AgencyId, t.Name }).IsUnique();
            team.Property(t => t.Version).IsConcurrencyToken();
        });
        model.Entity<ApiToken>(token =>
        {
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Person>(person =>
        {
            person.Property(p => p.Reference).HasMaxLength(16);
            person.Property(p => p.FirstName).HasMaxLength(100);
            person.Property(p => p.LastName).HasMaxLength(100);
            person.Property(p => p.PreferredName).HasMaxLength(100);
            person.Property(p => p.SearchName).HasMaxLength(320);
            person.Property(p => p.Ethnicity).HasMaxLength(100);
            person.Property(p => p.Address).HasMaxLength(500);
            person.Property(p => p.Postcode).HasMaxLength(10);
            person.Property(p => p.Version).IsConcurrencyToken();
            person.HasIndex(p => p.Reference).IsUnique();
            person.HasIndex(p => p.SearchName);
            person.HasIndex(p => p.DateOfBirth);
            person.HasIndex(p => new { p.LastName, p.FirstName });
            person.Ignore(p => p.FullName);
        });
        model.Entity<AgencyInvolvement>(involvement =>
        {
            involvement.Property(i => i.ContactName).HasMaxLength(200);
            involvement.Property(i => i.ContactPhone).HasMaxLength(40);
            involvement.Property(i => i.ContactEmail).HasMaxLength(254);
            involvement.Property(i => i.Version).IsConcurrencyToken();
            involvement.HasOne(i => i.Person).WithMany(p => p.Agencies).HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
            involvement.HasOne(i => i.Agency).WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
            involvement.HasIndex(i => new { i.AgencyId, i.PersonId });
            involvement.HasIndex(i => i.PersonId);
        });
        model.Entity<FlagType>(type =>
        {
            type.Property(t => t.Key).HasMaxLength(40);
            type.Property(t => t.Name).HasMaxLength(120);
            type.Property(t => t.Description).HasMaxLength(500);
            type.HasIndex(t => t.Key).IsUnique();
        });
        model.Entity<PersonFlag>(flag =>
        {
            flag.Property(f => f.Notes).HasMaxLength(2000);
            flag.Property(f => f.Version).IsConcurrencyToken();
            flag.HasOne(f => f.Person).WithMany(p => p.Flags).HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
            flag.HasOne(f => f.FlagType).WithMany().HasForeignKey(f => f.FlagTypeId).OnDelete(DeleteBehavior.Restrict);
            flag.HasIndex(f => f.PersonId);
            flag.HasIndex(f => new { f.FlagTypeId, f.EndDate });
        });
        model.Entity<PersonAccessGrant>(grant =>
        {
            grant.HasOne<Person>().WithMany(p => p.AccessList).HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Cascade);
            grant.HasOne(g => g.User).WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
            grant.HasIndex(g => new { g.PersonId, g.UserId }).IsUnique();
        });
        model.Entity<CaseNote>(note =>
        {
            note.Property(n => n.Text).HasMaxLength(20000);
            note.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
            note.HasOne(n => n.Author).WithMany().HasForeignKey(n => n.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
            note.HasIndex(n => n.PersonId);
        });
        model.Entity<BreakGlassAccess>(access =>
        {
            access.Property(a => a.Reason).HasMaxLength(2000);
            access.Property(a => a.ReviewNote).HasMaxLength(2000);
            access.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
            access.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
            access.HasIndex(a => new { a.PersonId, a.UserId, a.ExpiresAt });
            access.HasIndex(a => a.StartedAt);
        });
        ConfigureAssessments(model);
        ConfigureMissingAndIndex(model);
        ConfigurePerformance(model);
        ConfigureNetwork(model);
        ConfigurePanels(model);
        model.Entity<AuditEntry>(entry =>
        {
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.UserEmail).HasMaxLength(256);
            entry.Property(e => e.EntityType).HasMaxLength(64);
            entry.Property(e => e.EntityId).HasMaxLength(64);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.HasIndex(e => new { e.PersonId, e.Sequence });
            entry.HasIndex(e => new { e.UserId, e.Sequence });
        });
        model.Entity<AuditChainHead>(head =>
        {
            head.Property(h => h.Id).ValueGeneratedNever();
            head.Property(h => h.Hash).HasMaxLength(64);
        });
        model.Entity<DataProtectionKey>(key => key.Property(k => k.FriendlyName).HasMaxLength(200));
    }

    private static void ConfigureAssessments(ModelBuilder model)
    {
        model.Entity<SafeguardScreen>(screen =>
        {
            screen.Property(s => s.DecisionReason).HasMaxLength(4000);
            screen.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
            screen.HasOne(s => s.RecordedBy).WithMany().HasForeignKey(s => s.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
            screen.HasOne(s => s.Agency).WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
            screen.HasMany(s => s.Areas).WithOne().HasForeignKey(a => a.ScreenId).OnDelete(DeleteBehavior.Cascade);
            screen.HasIndex(s => new { s.PersonId, s.ScreenedOn });
        });
        model.Entity<SafeguardScreenArea>(area =>
        {
            area.Property(a => a.AreaKey).HasMaxLength(40);
            area.Property(a => a.Seen).HasMaxLength(4000);
            area.HasIndex(a => new { a.ScreenId, a.AreaKey }).IsUnique();
        });
        model.Entity<SeamAssessment>(seam =>
        {
            seam.Property(s => s.FormVersion).HasMaxLength(16);
            seam.Property(s => s.YoungPersonView).HasMaxLength(4000);
            seam.Property(s => s.JudgementReason).HasMaxLength(4000);
            seam.Property(s => s.ReturnComments).HasMaxLength(4000);
            seam.Property(s => s.Version).IsConcurrencyToken();
            seam.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
            seam.HasOne(s => s.Author).WithMany().HasForeignKey(s => s.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
            seam.HasOne(s => s.DecidedBy).WithMany().HasForeignKey(s => s.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
            seam.HasOne(s => s.Agency).WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
            seam.HasMany(s => s.Scores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            seam.HasIndex(s => new { s.PersonId, s.AssessedOn });
            seam.HasIndex(s => new { s.Status, s.ReviewDueOn });
            seam.Ignore(s => s.Level);
            seam.Ignore(s => s.Form);
        });
        model.Entity<SeamScore>(score =>
        {
            score.Property(s => s.DomainKey).HasMaxLength(40);
            score.Property(s => s.Evidence).HasMaxLength(4000);
            score.HasIndex(s => new { s.AssessmentId, s.DomainKey }).IsUnique();
        });
        model.Entity<ActionItem>(action =>
        {
            action.Property(a => a.DomainKey).HasMaxLength(40);
            action.Property(a => a.AreaOfNeed).HasMaxLength(500);
            action.Property(a => a.DesiredOutcome).HasMaxLength(2000);
            action.Property(a => a.Action).HasMaxLength(2000);
            action.Property(a => a.CompletionNote).HasMaxLength(2000);
            action.Property(a => a.Version).IsConcurrencyToken();
            action.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
            action.HasOne<SeamAssessment>().WithMany().HasForeignKey(a => a.SeamAssessmentId).OnDelete(DeleteBehavior.Cascade);
            action.HasOne(a => a.OwnerUser).WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
            action.HasOne(a => a.OwnerAgency).WithMany().HasForeignKey(a => a.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
            action.HasIndex(a => a.PersonId);
            action.HasIndex(a => a.SeamAssessmentId);
            action.HasIndex(a => new { a.OwnerUserId, a.Status, a.DueOn });
            action.HasIndex(a => new { a.OwnerAgencyId, a.Status, a.DueOn });
        });
        model.Entity<PanelReferral>(referral =>
        {
            referral.Property(r => r.PanelType).HasMaxLength(40);
            referral.Property(r => r.Reason).HasMaxLength(4000);
            referral.Property(r => r.DecisionReason).HasMaxLength(4000);
            referral.Property(r => r.Version).IsConcurrencyToken();
            referral.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
            referral.HasOne<SeamAssessment>().WithMany().HasForeignKey(r => r.SeamAssessmentId).OnDelete(DeleteBehavior.Restrict);
            referral.HasIndex(r => new { r.PersonId, r.Status });
            referral.HasIndex(r => new { r.PanelType, r.Status });
            // PanelId has no foreign key: see migration 0008.
            referral.HasIndex(r => new { r.PanelId, r.Status });
        });
        model.Entity<Notification>(notification =>
        {
            notification.Property(n => n.Kind).HasMaxLength(40);
            notification.Property(n => n.Title).HasMaxLength(300);
            notification.Property(n => n.Body).HasMaxLength(2000);
            notification.Property(n => n.Link).HasMaxLength(300);
            notification.HasOne<SightlineUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
            notification.HasIndex(n => new { n.UserId, n.CreatedAt });
            notification.HasIndex(n => n.EmailState);
        });
    }

    private static void ConfigureMissingAndIndex(ModelBuilder model)
    {
        model.Entity<MissingEpisode>(episode =>
        {
            episode.Property(e => e.Placement).HasMaxLength(300);
            episode.Property(e => e.PoliceReference).HasMaxLength(60);
            episode.Property(e => e.WhereFound).HasMaxLength(500);
            episode.Property(e => e.Circumstances).HasMaxLength(4000);
            episode.Property(e => e.WithWhom).HasMaxLength(1000);
            episode.Property(e => e.Version).IsConcurrencyToken();
            episode.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
            episode.HasOne(e => e.ResponsibleUser).WithMany().HasForeignKey(e => e.ResponsibleUserId).OnDelete(DeleteBehavior.Restrict);
            episode.HasOne<SightlineUser>().WithMany().HasForeignKey(e => e.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
            episode.HasOne(e => e.Interview).WithOne().HasForeignKey<ReturnHomeInterview>(i => i.EpisodeId).OnDelete(DeleteBehavior.Cascade);
            episode.HasIndex(e => new { e.PersonId, e.LastSeenAt });
            episode.HasIndex(e => e.LastSeenAt);
            episode.HasIndex(e => new { e.ReturnedAt, e.RhiOverdueReminderAt });
            episode.Ignore(e => e.IsOpen);
            episode.Ignore(e => e.Duration);
        });
        model.Entity<ReturnHomeInterview>(interview =>
        {
            interview.Property(i => i.OfferedBy).HasMaxLength(200);
            interview.Property(i => i.Worker).HasMaxLength(200);
            interview.Property(i => i.YoungPersonSaid).HasMaxLength(8000);
            interview.Property(i => i.RisksDisclosed).HasMaxLength(4000);
            interview.Property(i => i.FollowUp).HasMaxLength(4000);
            interview.Property(i => i.Version).IsConcurrencyToken();
            interview.HasOne(i => i.CompletedByAgency).WithMany().HasForeignKey(i => i.CompletedByAgencyId).OnDelete(DeleteBehavior.Restrict);
            interview.HasIndex(i => i.EpisodeId).IsUnique();
            interview.HasIndex(i => i.PersonId);
        });
        model.Entity<IndexEntry>(entry =>
        {
            entry.Property(e => e.Reason).HasMaxLength(2000);
            entry.Property(e => e.EndReason).HasMaxLength(2000);
            entry.Property(e => e.Version).IsConcurrencyToken();
            entry.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
            entry.HasIndex(e => new { e.PersonId, e.StartDate });
        });
    }

    private static void ConfigureNetwork(ModelBuilder model)
    {
        model.Entity<PersonOfConcern>(person =>
        {
            person.Property(p => p.Name).HasMaxLength(200);
            person.Property(p => p.Aliases).HasMaxLength(1000);
            person.Property(p => p.Notes).HasMaxLength(4000);
            person.Property(p => p.Version).IsConcurrencyToken();
            person.HasMany(p => p.Vehicles).WithOne().HasForeignKey(v => v.PersonOfConcernId).OnDelete(DeleteBehavior.Cascade);
            person.HasMany(p => p.NamedUsers).WithOne().HasForeignKey(n => n.PersonOfConcernId).OnDelete(DeleteBehavior.Cascade);
            person.HasIndex(p => p.Name);
            person.Ignore(p => p.AliasList);
        });
        // Vehicles and named users are replaced wholesale on an edit: their ids are set in code, so EF must treat
        // one it finds in the collection as new (with a generated key it would assume it exists and UPDATE it).
        model.Entity<PersonOfConcernVehicle>(vehicle =>
        {
            vehicle.Property(v => v.Id).ValueGeneratedNever();
            vehicle.Property(v => v.Registration).HasMaxLength(16);
            vehicle.Property(v => v.Description).HasMaxLength(200);
            vehicle.HasIndex(v => v.PersonOfConcernId);
            vehicle.HasIndex(v => v.Registration);
        });
        model.Entity<PersonOfConcernAccess>(access =>
        {
            access.Property(a => a.Id).ValueGeneratedNever();
            access.HasOne<SightlineUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            access.HasIndex(a => new { a.PersonOfConcernId, a.UserId }).IsUnique();
            access.HasIndex(a => a.UserId);
        });
        model.Entity<Place>(place =>
        {
            place.Property(p => p.Name).HasMaxLength(200);
            place.Property(p => p.Address).HasMaxLength(500);
            place.Property(p => p.Postcode).HasMaxLength(10);
            place.Property(p => p.Notes).HasMaxLength(4000);
            place.Property(p => p.Version).IsConcurrencyToken();
            place.HasIndex(p => p.Name);
        });
        model.Entity<DisruptionTactic>(tactic =>
        {
            tactic.Property(t => t.Key).HasMaxLength(40);
            tactic.Property(t => t.Name).HasMaxLength(120);
            tactic.HasIndex(t => t.Key).IsUnique();
        });
        model.Entity<DisruptionActivity>(activity =>
        {
            activity.Property(a => a.Outcome).HasMaxLength(4000);
            activity.Property(a => a.Version).IsConcurrencyToken();
            activity.HasOne(a => a.Tactic).WithMany().HasForeignKey(a => a.TacticId).OnDelete(DeleteBehavior.Restrict);
            activity.HasOne(a => a.LeadAgency).WithMany().HasForeignKey(a => a.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
            activity.HasIndex(a => new { a.TargetKind, a.TargetId });
        });
        model.Entity<Association>(association =>
        {
            association.Property(a => a.Source).HasMaxLength(200);
            association.Property(a => a.Notes).HasMaxLength(2000);
            // Both ends indexed: a hop of the network is two index lookups over the frontier's ids.
            association.HasIndex(a => new { a.FromId, a.Type });
            association.HasIndex(a => new { a.ToId, a.Type });
            association.Ignore(a => a.FirstPersonId);
        });
    }

    private static void ConfigurePanels(ModelBuilder model)
    {
        model.Entity<Panel>(panel =>
        {
            panel.Property(p => p.Type).HasMaxLength(40);
            panel.Property(p => p.Name).HasMaxLength(200);
            panel.Property(p => p.Version).IsConcurrencyToken();
            panel.HasOne(p => p.ChairUser).WithMany().HasForeignKey(p => p.ChairUserId).OnDelete(DeleteBehavior.Restrict);
            panel.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PanelId).OnDelete(DeleteBehavior.Cascade);
            panel.HasMany(p => p.Agencies).WithOne().HasForeignKey(a => a.PanelId).OnDelete(DeleteBehavior.Cascade);
            panel.HasIndex(p => p.Name).IsUnique();
            panel.HasIndex(p => p.Type);
            panel.Ignore(p => p.TypeName);
        });
        model.Entity<PanelMember>(member =>
        {
            member.HasKey(m => new { m.PanelId, m.UserId });
            member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            member.HasIndex(m => m.UserId);
        });
        model.Entity<PanelAgency>(agency =>
        {
            agency.HasKey(a => new { a.PanelId, a.AgencyId });
            agency.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
            agency.HasIndex(a => a.AgencyId);
        });
        model.Entity<Meeting>(meeting =>
        {
            meeting.Property(m => m.Version).IsConcurrencyToken();
            meeting.HasOne(m => m.Panel).WithMany().HasForeignKey(m => m.PanelId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasOne<SightlineUser>().WithMany().HasForeignKey(m => m.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
            meeting.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.Notes).WithOne().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasIndex(m => new { m.PanelId, m.Date });
        });
        model.Entity<MeetingAttendance>(attendance =>
        {
            attendance.HasKey(a => new { a.MeetingId, a.AgencyId });
            attendance.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
            attendance.HasIndex(a => a.AgencyId);
        });
        model.Entity<AgendaItem>(item =>
        {
            item.Property(i => i.Minutes).HasMaxLength(20000);
            item.Property(i => i.Version).IsConcurrencyToken();
            item.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
            item.HasOne<PanelReferral>().WithMany().HasForeignKey(i => i.ReferralId).OnDelete(DeleteBehavior.SetNull);
            item.HasIndex(i => new { i.MeetingId, i.Order });
            item.HasIndex(i => new { i.PersonId, i.ClosedAt });
            item.HasIndex(i => i.ReferralId);
            item.Ignore(i => i.IsOnAgenda);
        });
        model.Entity<StrategicNote>(note =>
        {
            note.Property(n => n.Text).HasMaxLength(4000);
            note.HasOne<SightlineUser>().WithMany().HasForeignKey(n => n.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
            note.HasIndex(n => n.MeetingId);
            note.HasIndex(n => n.CreatedByUserId);
        });
        model.Entity<PanelAction>(action =>
        {
            action.Property(a => a.Title).HasMaxLength(2000);
            action.Property(a => a.CompletionNote).HasMaxLength(2000);
            action.Property(a => a.Version).IsConcurrencyToken();
            action.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            action.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
            action.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
            action.HasOne(a => a.OwnerUser).WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
            action.HasOne(a => a.OwnerAgency).WithMany().HasForeignKey(a => a.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
            action.HasOne<SightlineUser>().WithMany().HasForeignKey(a => a.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
            action.HasIndex(a => a.MeetingId);
            action.HasIndex(a => a.AgendaItemId);
            action.HasIndex(a => a.PersonId);
            action.HasIndex(a => a.CreatedByUserId);
            action.HasIndex(a => new { a.OwnerUserId, a.Status, a.DueOn });
            action.HasIndex(a => new { a.OwnerAgencyId, a.Status, a.DueOn });
            action.HasIndex(a => new { a.Status, a.DueOn });
            action.Ignore(a => a.IsOpen);
            action.Ignore(a => a.OwnerName);
        });
    }

    private static void ConfigurePerformance(ModelBuilder model)
    {
        model.Entity<Area>(area =>
        {
            area.Property(a => a.Name).HasMaxLength(120);
            area.Property(a => a.Code).HasMaxLength(16);
            area.HasIndex(a => a.Name).IsUnique();
            area.HasIndex(a => a.Code);
        });
        model.Entity<AreaGroup>(group =>
        {
            group.Property(g => g.Key).HasMaxLength(40);
            group.Property(g => g.Name).HasMaxLength(200);
            group.HasIndex(g => g.Key).IsUnique();
            group.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AreaGroupMember>(member =>
        {
            member.HasKey(m => new { m.GroupId, m.AreaId });
            member.HasOne(m => m.Area).WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Cascade);
            member.HasIndex(m => m.AreaId);
        });
        model.Entity<PopulationEstimate>(estimate =>
        {
            estimate.HasOne<Area>().WithMany().HasForeignKey(e => e.AreaId).OnDelete(DeleteBehavior.Cascade);
            // Age is null for the all-ages row; the importers keep that row unique (both databases treat NULLs as distinct here).
            estimate.HasIndex(e => new { e.AreaId, e.Year, e.Age }).IsUnique();
        });
        model.Entity<HouseholdEstimate>(estimate =>
        {
            estimate.HasKey(e => new { e.AreaId, e.Year });
            estimate.HasOne<Area>().WithMany().HasForeignKey(e => e.AreaId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<CrimeCount>(count =>
        {
            count.HasKey(c => new { c.Source, c.AreaId, c.Month, c.Category, c.Subcategory });
            count.Property(c => c.Source).HasMaxLength(40);
            count.Property(c => c.Category).HasMaxLength(120);
            count.Property(c => c.Subcategory).HasMaxLength(120);
            count.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Cascade);
            count.HasIndex(c => new { c.AreaId, c.Month });
        });
        model.Entity<LsoaCrimeCount>(count =>
        {
            count.HasKey(c => new { c.Source, c.LsoaCode, c.LsoaName, c.AreaId, c.Month, c.CrimeType });
            count.Property(c => c.Source).HasMaxLength(40);
            count.Property(c => c.LsoaCode).HasMaxLength(16);
            count.Property(c => c.LsoaName).HasMaxLength(120);
            count.Property(c => c.CrimeType).HasMaxLength(120);
            count.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Cascade);
            count.HasIndex(c => new { c.AreaId, c.Month });
        });
        model.Entity<ImportRun>(run =>
        {
            run.Property(r => r.Source).HasMaxLength(40);
            run.Property(r => r.FileName).HasMaxLength(400);
            run.Property(r => r.FileSha256).HasMaxLength(64);
            run.Property(r => r.Summary).HasMaxLength(8000);
            run.HasIndex(r => r.StartedAt);
        });
        model.Entity<IndicatorValue>(value =>
        {
            value.HasKey(v => new { v.AreaId, v.IndicatorKey, v.PeriodKind, v.PeriodStart });
            value.Property(v => v.IndicatorKey).HasMaxLength(60);
            value.Property(v => v.Value).HasPrecision(18, 4);
            value.HasOne<Area>().WithMany().HasForeignKey(v => v.AreaId).OnDelete(DeleteBehavior.Cascade);
            value.HasOne<ImportRun>().WithMany().HasForeignKey(v => v.ImportRunId).OnDelete(DeleteBehavior.SetNull);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Cached dashboard figures must not outlive a direct write of the data behind them (imports also leave a run).
        var performanceData = PerformanceDataVersion.Touches(ChangeTracker);
        var written = await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (performanceData) PerformanceDataVersion.NoteLocalWrite();
        return written;
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (Audit is null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        Audit.CaptureChanges();
        if (!Audit.HasPending) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var gate = SqliteWriterGate();
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            var ownTransaction = Database.CurrentTransaction is null
                ? await Database.BeginTransactionAsync(cancellationToken)
                : null;
            try
            {
                var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await Audit.AppendPendingAsync(cancellationToken);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
                return written;
            }
            catch
            {
                Audit.DiscardPending();
                throw;
            }
            finally
            {
                if (ownTransaction is not null) await ownTransaction.DisposeAsync();
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>
    /// SQLite lets one connection write at a time, and Microsoft.Data.Sqlite waits for the write lock by
    /// sleeping the thread 150 ms between attempts: under concurrent audited requests (every record view
    /// writes to the audit trail) that blocked thread-pool threads and gave tails of seconds
    /// (docs/PERFORMANCE.md). This process's audited writes to one SQLite database therefore queue here,
    /// without blocking a thread, and reach SQLite one at a time. PostgreSQL needs no gate.
    /// </summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new();

    private SemaphoreSlim? SqliteWriterGate() =>
        Database.CurrentTransaction is null && Database.IsSqlite()
            ? SqliteWriters.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1))
            : null;

    /// <summary>Saves without auditing: only for the audit trail's own bookkeeping and seeding reference data.</summary>
    internal async Task<int> SaveWithoutAuditAsync(CancellationToken cancellationToken)
    {
        var performanceData = PerformanceDataVersion.Touches(ChangeTracker);
        var written = await base.SaveChangesAsync(true, cancellationToken);
        if (performanceData) PerformanceDataVersion.NoteLocalWrite();
        return written;
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
