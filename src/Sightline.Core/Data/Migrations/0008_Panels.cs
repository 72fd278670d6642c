using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Core.Data.Migrations;

/// <summary>
/// Version 8: multi-agency panels and their meetings — members, agencies, agendas, attendance,
/// strategic notes and tracked actions — and the panel a referral was taken up by. New tables and
/// one nullable column only: existing rows are untouched. The new column has no foreign key
/// (SQLite cannot add one to an existing table without rebuilding it); panels are never deleted,
/// only made inactive, so it cannot dangle.
/// </summary>
[DbContext(typeof(SightlineDb))]
[Migration("20261122000008_Panels")]
public sealed class Panels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Panels",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(nullable: false, maxLength: 40),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                Schedule = table.Column<string>(nullable: false, maxLength: 16),
                ChairUserId = table.Column<Guid>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Panels", x => x.Id);
                table.ForeignKey(name: "FK_Panels_AspNetUsers_ChairUserId", column: x => x.ChairUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Meetings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PanelId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 16),
                AgendaIssuedAt = table.Column<DateTime>(nullable: true),
                HeldAt = table.Column<DateTime>(nullable: true),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Meetings", x => x.Id);
                table.ForeignKey(name: "FK_Meetings_AspNetUsers_CreatedByUserId", column: x => x.CreatedByUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_Meetings_Panels_PanelId", column: x => x.PanelId, principalTable: "Panels", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PanelAgencies",
            columns: table => new
            {
                PanelId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelAgencies", x => new { x.PanelId, x.AgencyId });
                table.ForeignKey(name: "FK_PanelAgencies_Agencies_AgencyId", column: x => x.AgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PanelAgencies_Panels_PanelId", column: x => x.PanelId, principalTable: "Panels", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PanelMembers",
            columns: table => new
            {
                PanelId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelMembers", x => new { x.PanelId, x.UserId });
                table.ForeignKey(name: "FK_PanelMembers_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_PanelMembers_Panels_PanelId", column: x => x.PanelId, principalTable: "Panels", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MeetingAttendance",
            columns: table => new
            {
                MeetingId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 16),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingAttendance", x => new { x.MeetingId, x.AgencyId });
                table.ForeignKey(name: "FK_MeetingAttendance_Agencies_AgencyId", column: x => x.AgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_MeetingAttendance_Meetings_MeetingId", column: x => x.MeetingId, principalTable: "Meetings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StrategicNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(nullable: false, maxLength: 24),
                Text = table.Column<string>(nullable: false, maxLength: 4000),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StrategicNotes", x => x.Id);
                table.ForeignKey(name: "FK_StrategicNotes_AspNetUsers_CreatedByUserId", column: x => x.CreatedByUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_StrategicNotes_Meetings_MeetingId", column: x => x.MeetingId, principalTable: "Meetings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AgendaItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(nullable: false, maxLength: 24),
                PersonId = table.Column<Guid>(nullable: true),
                SubjectId = table.Column<Guid>(nullable: true),
                ReferralId = table.Column<Guid>(nullable: true),
                Order = table.Column<int>(nullable: false),
                AddedByChair = table.Column<bool>(nullable: false),
                RemovedAt = table.Column<DateTime>(nullable: true),
                IssuedAt = table.Column<DateTime>(nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                Minutes = table.Column<string>(nullable: true, maxLength: 20000),
                RiskLevel = table.Column<string>(nullable: true, maxLength: 16),
                Decision = table.Column<string>(nullable: true, maxLength: 16),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaItems", x => x.Id);
                table.ForeignKey(name: "FK_AgendaItems_Meetings_MeetingId", column: x => x.MeetingId, principalTable: "Meetings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_AgendaItems_PanelReferrals_ReferralId", column: x => x.ReferralId, principalTable: "PanelReferrals", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey(name: "FK_AgendaItems_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PanelActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                AgendaItemId = table.Column<Guid>(nullable: true),
                PersonId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(nullable: false, maxLength: 2000),
                OwnerUserId = table.Column<Guid>(nullable: true),
                OwnerAgencyId = table.Column<Guid>(nullable: true),
                DueOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 16),
                CompletionNote = table.Column<string>(nullable: true, maxLength: 2000),
                CompletedAt = table.Column<DateTime>(nullable: true),
                DueSoonReminderAt = table.Column<DateTime>(nullable: true),
                OverdueReminderAt = table.Column<DateTime>(nullable: true),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelActions", x => x.Id);
                table.ForeignKey(name: "FK_PanelActions_Agencies_OwnerAgencyId", column: x => x.OwnerAgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PanelActions_AgendaItems_AgendaItemId", column: x => x.AgendaItemId, principalTable: "AgendaItems", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PanelActions_AspNetUsers_CreatedByUserId", column: x => x.CreatedByUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PanelActions_AspNetUsers_OwnerUserId", column: x => x.OwnerUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PanelActions_Meetings_MeetingId", column: x => x.MeetingId, principalTable: "Meetings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_PanelActions_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_AgendaItems_MeetingId_Order", table: "AgendaItems", columns: new[] { "MeetingId", "Order" });
        migrationBuilder.CreateIndex(name: "IX_AgendaItems_PersonId_ClosedAt", table: "AgendaItems", columns: new[] { "PersonId", "ClosedAt" });
        migrationBuilder.CreateIndex(name: "IX_AgendaItems_ReferralId", table: "AgendaItems", columns: new[] { "ReferralId" });
        migrationBuilder.CreateIndex(name: "IX_MeetingAttendance_AgencyId", table: "MeetingAttendance", columns: new[] { "AgencyId" });
        migrationBuilder.CreateIndex(name: "IX_Meetings_CreatedByUserId", table: "Meetings", columns: new[] { "CreatedByUserId" });
        migrationBuilder.CreateIndex(name: "IX_Meetings_PanelId_Date", table: "Meetings", columns: new[] { "PanelId", "Date" });
        migrationBuilder.CreateIndex(name: "IX_PanelActions_AgendaItemId", table: "PanelActions", columns: new[] { "AgendaItemId" });
        migrationBuilder.CreateIndex(name: "IX_PanelActions_CreatedByUserId", table: "PanelActions", columns: new[] { "CreatedByUserId" });
        migrationBuilder.CreateIndex(name: "IX_PanelActions_MeetingId", table: "PanelActions", columns: new[] { "MeetingId" });
        migrationBuilder.CreateIndex(name: "IX_PanelActions_OwnerAgencyId_Status_DueOn", table: "PanelActions", columns: new[] { "OwnerAgencyId", "Status", "DueOn" });
        migrationBuilder.CreateIndex(name: "IX_PanelActions_OwnerUserId_Status_DueOn", table: "PanelActions", columns: new[] { "OwnerUserId", "Status", "DueOn" });
        migrationBuilder.CreateIndex(name: "IX_PanelActions_PersonId", table: "PanelActions", columns: new[] { "PersonId" });
        migrationBuilder.CreateIndex(name: "IX_PanelActions_Status_DueOn", table: "PanelActions", columns: new[] { "Status", "DueOn" });
        migrationBuilder.CreateIndex(name: "IX_PanelAgencies_AgencyId", table: "PanelAgencies", columns: new[] { "AgencyId" });
        migrationBuilder.CreateIndex(name: "IX_PanelMembers_UserId", table: "PanelMembers", columns: new[] { "UserId" });
        migrationBuilder.CreateIndex(name: "IX_Panels_ChairUserId", table: "Panels", columns: new[] { "ChairUserId" });
        migrationBuilder.CreateIndex(name: "IX_Panels_Name", table: "Panels", columns: new[] { "Name" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_Panels_Type", table: "Panels", columns: new[] { "Type" });
        migrationBuilder.CreateIndex(name: "IX_StrategicNotes_CreatedByUserId", table: "StrategicNotes", columns: new[] { "CreatedByUserId" });
        migrationBuilder.CreateIndex(name: "IX_StrategicNotes_MeetingId", table: "StrategicNotes", columns: new[] { "MeetingId" });

        migrationBuilder.AddColumn<Guid>(name: "PanelId", table: "PanelReferrals", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_PanelId_Status", table: "PanelReferrals", columns: new[] { "PanelId", "Status" });
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only: restore a backup to go back.");
}
