using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Core.Data.Migrations;

/// <summary>
/// Version 4: missing episodes with their return home interviews, and practitioners' entries on the
/// Vulnerable Adolescents Index. New tables only: existing rows are untouched.
/// </summary>
[DbContext(typeof(SightlineDb))]
[Migration("20261122000004_MissingAndIndex")]
public sealed class MissingAndIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IndexEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(nullable: false, maxLength: 2000),
                EndDate = table.Column<DateOnly>(nullable: true),
                EndReason = table.Column<string>(nullable: true, maxLength: 2000),
                AddedByUserId = table.Column<Guid>(nullable: false),
                AddedAt = table.Column<DateTime>(nullable: false),
                EndedByUserId = table.Column<Guid>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndexEntries", x => x.Id);
                table.ForeignKey(name: "FK_IndexEntries_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MissingEpisodes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(nullable: false, maxLength: 32),
                From = table.Column<string>(nullable: false, maxLength: 16),
                Placement = table.Column<string>(nullable: true, maxLength: 300),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                ReportedToPoliceAt = table.Column<DateTime>(nullable: true),
                PoliceReference = table.Column<string>(nullable: true, maxLength: 60),
                PoliceRiskGrading = table.Column<string>(nullable: true, maxLength: 16),
                ReturnedAt = table.Column<DateTime>(nullable: true),
                WhereFound = table.Column<string>(nullable: true, maxLength: 500),
                Circumstances = table.Column<string>(nullable: true, maxLength: 4000),
                WithWhom = table.Column<string>(nullable: true, maxLength: 1000),
                ResponsibleUserId = table.Column<Guid>(nullable: true),
                RecordedByUserId = table.Column<Guid>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                RhiDueSoonReminderAt = table.Column<DateTime>(nullable: true),
                RhiOverdueReminderAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                table.ForeignKey(name: "FK_MissingEpisodes_AspNetUsers_RecordedByUserId", column: x => x.RecordedByUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_MissingEpisodes_AspNetUsers_ResponsibleUserId", column: x => x.ResponsibleUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_MissingEpisodes_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReturnHomeInterviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                OfferedAt = table.Column<DateTime>(nullable: true),
                OfferedBy = table.Column<string>(nullable: true, maxLength: 200),
                Accepted = table.Column<bool>(nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CompletedByAgencyId = table.Column<Guid>(nullable: true),
                Worker = table.Column<string>(nullable: true, maxLength: 200),
                YoungPersonSaid = table.Column<string>(nullable: true, maxLength: 8000),
                RisksDisclosed = table.Column<string>(nullable: true, maxLength: 4000),
                FollowUp = table.Column<string>(nullable: true, maxLength: 4000),
                RecordedByUserId = table.Column<Guid>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReturnHomeInterviews", x => x.Id);
                table.ForeignKey(name: "FK_ReturnHomeInterviews_Agencies_CompletedByAgencyId", column: x => x.CompletedByAgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_ReturnHomeInterviews_MissingEpisodes_EpisodeId", column: x => x.EpisodeId, principalTable: "MissingEpisodes", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_IndexEntries_PersonId_StartDate", table: "IndexEntries", columns: new[] { "PersonId", "StartDate" });
        migrationBuilder.CreateIndex(name: "IX_MissingEpisodes_LastSeenAt", table: "MissingEpisodes", columns: new[] { "LastSeenAt" });
        migrationBuilder.CreateIndex(name: "IX_MissingEpisodes_PersonId_LastSeenAt", table: "MissingEpisodes", columns: new[] { "PersonId", "LastSeenAt" });
        migrationBuilder.CreateIndex(name: "IX_MissingEpisodes_RecordedByUserId", table: "MissingEpisodes", columns: new[] { "RecordedByUserId" });
        migrationBuilder.CreateIndex(name: "IX_MissingEpisodes_ResponsibleUserId", table: "MissingEpisodes", columns: new[] { "ResponsibleUserId" });
        migrationBuilder.CreateIndex(name: "IX_MissingEpisodes_ReturnedAt_RhiOverdueReminderAt", table: "MissingEpisodes", columns: new[] { "ReturnedAt", "RhiOverdueReminderAt" });
        migrationBuilder.CreateIndex(name: "IX_ReturnHomeInterviews_CompletedByAgencyId", table: "ReturnHomeInterviews", columns: new[] { "CompletedByAgencyId" });
        migrationBuilder.CreateIndex(name: "IX_ReturnHomeInterviews_EpisodeId", table: "ReturnHomeInterviews", columns: new[] { "EpisodeId" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_ReturnHomeInterviews_PersonId", table: "ReturnHomeInterviews", columns: new[] { "PersonId" });
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only: restore a backup to go back.");
}
