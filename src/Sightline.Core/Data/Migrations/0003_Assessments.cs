using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Core.Data.Migrations;

/// <summary>
/// Version 3: SAFEGUARD screens, SEAM assessments with their scores, action plans, referrals to
/// the exploitation panel and users' notifications. New tables only: existing rows are untouched.
/// </summary>
[DbContext(typeof(SightlineDb))]
[Migration("20261122000003_Assessments")]
public sealed class Assessments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                Title = table.Column<string>(nullable: false, maxLength: 300),
                Body = table.Column<string>(nullable: false, maxLength: 2000),
                Link = table.Column<string>(nullable: true, maxLength: 300),
                PersonId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
                EmailState = table.Column<string>(nullable: false, maxLength: 16),
                EmailAttempts = table.Column<int>(nullable: false),
                EmailedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey(name: "FK_Notifications_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SafeguardScreens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                ScreenedOn = table.Column<DateOnly>(nullable: false),
                RecordedByUserId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                ConcernCount = table.Column<int>(nullable: false),
                HoldStrategyMeeting = table.Column<bool>(nullable: false),
                DecisionReason = table.Column<string>(nullable: false, maxLength: 4000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SafeguardScreens", x => x.Id);
                table.ForeignKey(name: "FK_SafeguardScreens_Agencies_AgencyId", column: x => x.AgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_SafeguardScreens_AspNetUsers_RecordedByUserId", column: x => x.RecordedByUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_SafeguardScreens_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SeamAssessments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                FormVersion = table.Column<string>(nullable: false, maxLength: 16),
                Status = table.Column<string>(nullable: false, maxLength: 16),
                AssessedOn = table.Column<DateOnly>(nullable: false),
                Total = table.Column<int>(nullable: false),
                CalculatedLevel = table.Column<string>(nullable: false, maxLength: 16),
                YoungPersonPerception = table.Column<string>(nullable: true, maxLength: 16),
                YoungPersonView = table.Column<string>(nullable: true, maxLength: 4000),
                JudgementLevel = table.Column<string>(nullable: true, maxLength: 16),
                JudgementReason = table.Column<string>(nullable: true, maxLength: 4000),
                JudgementByUserId = table.Column<Guid>(nullable: true),
                AuthorUserId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: true),
                DecidedByUserId = table.Column<Guid>(nullable: true),
                ReturnComments = table.Column<string>(nullable: true, maxLength: 4000),
                Routing = table.Column<string>(nullable: true, maxLength: 40),
                ReviewDueOn = table.Column<DateOnly>(nullable: true),
                PreviousAssessmentId = table.Column<Guid>(nullable: true),
                SupersededById = table.Column<Guid>(nullable: true),
                SafeguardScreenId = table.Column<Guid>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SeamAssessments", x => x.Id);
                table.ForeignKey(name: "FK_SeamAssessments_Agencies_AgencyId", column: x => x.AgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_SeamAssessments_AspNetUsers_AuthorUserId", column: x => x.AuthorUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_SeamAssessments_AspNetUsers_DecidedByUserId", column: x => x.DecidedByUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_SeamAssessments_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SafeguardScreenAreas",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ScreenId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                AreaKey = table.Column<string>(nullable: false, maxLength: 40),
                Concern = table.Column<bool>(nullable: false),
                Seen = table.Column<string>(nullable: true, maxLength: 4000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SafeguardScreenAreas", x => x.Id);
                table.ForeignKey(name: "FK_SafeguardScreenAreas_SafeguardScreens_ScreenId", column: x => x.ScreenId, principalTable: "SafeguardScreens", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActionItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                SeamAssessmentId = table.Column<Guid>(nullable: true),
                DomainKey = table.Column<string>(nullable: true, maxLength: 40),
                AreaOfNeed = table.Column<string>(nullable: false, maxLength: 500),
                DesiredOutcome = table.Column<string>(nullable: false, maxLength: 2000),
                Action = table.Column<string>(nullable: false, maxLength: 2000),
                OwnerUserId = table.Column<Guid>(nullable: true),
                OwnerAgencyId = table.Column<Guid>(nullable: true),
                DueOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 16),
                CompletionNote = table.Column<string>(nullable: true, maxLength: 2000),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActionItems", x => x.Id);
                table.ForeignKey(name: "FK_ActionItems_Agencies_OwnerAgencyId", column: x => x.OwnerAgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_ActionItems_AspNetUsers_OwnerUserId", column: x => x.OwnerUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_ActionItems_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_ActionItems_SeamAssessments_SeamAssessmentId", column: x => x.SeamAssessmentId, principalTable: "SeamAssessments", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PanelReferrals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                PanelType = table.Column<string>(nullable: false, maxLength: 40),
                SeamAssessmentId = table.Column<Guid>(nullable: true),
                RiskLevel = table.Column<string>(nullable: true, maxLength: 16),
                Reason = table.Column<string>(nullable: false, maxLength: 4000),
                Status = table.Column<string>(nullable: false, maxLength: 16),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                DecidedAt = table.Column<DateTime>(nullable: true),
                DecidedByUserId = table.Column<Guid>(nullable: true),
                DecisionReason = table.Column<string>(nullable: true, maxLength: 4000),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelReferrals", x => x.Id);
                table.ForeignKey(name: "FK_PanelReferrals_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_PanelReferrals_SeamAssessments_SeamAssessmentId", column: x => x.SeamAssessmentId, principalTable: "SeamAssessments", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SeamScores",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AssessmentId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                DomainKey = table.Column<string>(nullable: false, maxLength: 40),
                Score = table.Column<int>(nullable: false),
                Evidence = table.Column<string>(nullable: true, maxLength: 4000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SeamScores", x => x.Id);
                table.ForeignKey(name: "FK_SeamScores_SeamAssessments_AssessmentId", column: x => x.AssessmentId, principalTable: "SeamAssessments", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_ActionItems_OwnerAgencyId_Status_DueOn", table: "ActionItems", columns: new[] { "OwnerAgencyId", "Status", "DueOn" });
        migrationBuilder.CreateIndex(name: "IX_ActionItems_OwnerUserId_Status_DueOn", table: "ActionItems", columns: new[] { "OwnerUserId", "Status", "DueOn" });
        migrationBuilder.CreateIndex(name: "IX_ActionItems_PersonId", table: "ActionItems", columns: new[] { "PersonId" });
        migrationBuilder.CreateIndex(name: "IX_ActionItems_SeamAssessmentId", table: "ActionItems", columns: new[] { "SeamAssessmentId" });
        migrationBuilder.CreateIndex(name: "IX_Notifications_EmailState", table: "Notifications", columns: new[] { "EmailState" });
        migrationBuilder.CreateIndex(name: "IX_Notifications_UserId_CreatedAt", table: "Notifications", columns: new[] { "UserId", "CreatedAt" });
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_PanelType_Status", table: "PanelReferrals", columns: new[] { "PanelType", "Status" });
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_PersonId_Status", table: "PanelReferrals", columns: new[] { "PersonId", "Status" });
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_SeamAssessmentId", table: "PanelReferrals", columns: new[] { "SeamAssessmentId" });
        migrationBuilder.CreateIndex(name: "IX_SafeguardScreenAreas_ScreenId_AreaKey", table: "SafeguardScreenAreas", columns: new[] { "ScreenId", "AreaKey" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_SafeguardScreens_AgencyId", table: "SafeguardScreens", columns: new[] { "AgencyId" });
        migrationBuilder.CreateIndex(name: "IX_SafeguardScreens_PersonId_ScreenedOn", table: "SafeguardScreens", columns: new[] { "PersonId", "ScreenedOn" });
        migrationBuilder.CreateIndex(name: "IX_SafeguardScreens_RecordedByUserId", table: "SafeguardScreens", columns: new[] { "RecordedByUserId" });
        migrationBuilder.CreateIndex(name: "IX_SeamAssessments_AgencyId", table: "SeamAssessments", columns: new[] { "AgencyId" });
        migrationBuilder.CreateIndex(name: "IX_SeamAssessments_AuthorUserId", table: "SeamAssessments", columns: new[] { "AuthorUserId" });
        migrationBuilder.CreateIndex(name: "IX_SeamAssessments_DecidedByUserId", table: "SeamAssessments", columns: new[] { "DecidedByUserId" });
        migrationBuilder.CreateIndex(name: "IX_SeamAssessments_PersonId_AssessedOn", table: "SeamAssessments", columns: new[] { "PersonId", "AssessedOn" });
        migrationBuilder.CreateIndex(name: "IX_SeamAssessments_Status_ReviewDueOn", table: "SeamAssessments", columns: new[] { "Status", "ReviewDueOn" });
        migrationBuilder.CreateIndex(name: "IX_SeamScores_AssessmentId_DomainKey", table: "SeamScores", columns: new[] { "AssessmentId", "DomainKey" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only: restore a backup to go back.");
}
