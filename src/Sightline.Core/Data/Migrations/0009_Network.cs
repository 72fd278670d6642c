using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Core.Data.Migrations;

/// <summary>
/// Version 9: persons of concern (with vehicles and named users), places, disruption tactics and
/// activity, and the associations of the network. New tables only: existing rows are untouched.
/// The seed's disruption tactics are added by <see cref="DatabaseMigrator"/>, like flag types.
/// </summary>
[DbContext(typeof(SightlineDb))]
[Migration("20261122000009_Network")]
public sealed class NetworkTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Associations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FromKind = table.Column<string>(nullable: false, maxLength: 16),
                FromId = table.Column<Guid>(nullable: false),
                ToKind = table.Column<string>(nullable: false, maxLength: 16),
                ToId = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(nullable: false, maxLength: 24),
                Source = table.Column<string>(nullable: true, maxLength: 200),
                Date = table.Column<DateOnly>(nullable: false),
                Confidence = table.Column<string>(nullable: false, maxLength: 8),
                Notes = table.Column<string>(nullable: true, maxLength: 2000),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedByUserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Associations", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DisruptionTactics",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(nullable: false, maxLength: 40),
                Name = table.Column<string>(nullable: false, maxLength: 120),
                IsActive = table.Column<bool>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DisruptionTactics", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "PersonsOfConcern",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                Aliases = table.Column<string>(nullable: true, maxLength: 1000),
                DateOfBirth = table.Column<DateOnly>(nullable: true),
                ApproximateAge = table.Column<int>(nullable: true),
                Category = table.Column<string>(nullable: false, maxLength: 16),
                Notes = table.Column<string>(nullable: true, maxLength: 4000),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonsOfConcern", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Places",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                Type = table.Column<string>(nullable: false, maxLength: 16),
                Address = table.Column<string>(nullable: true, maxLength: 500),
                Postcode = table.Column<string>(nullable: true, maxLength: 10),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
                Notes = table.Column<string>(nullable: true, maxLength: 4000),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Places", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DisruptionActivities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TargetKind = table.Column<string>(nullable: false, maxLength: 16),
                TargetId = table.Column<Guid>(nullable: false),
                TacticId = table.Column<Guid>(nullable: false),
                LeadAgencyId = table.Column<Guid>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(nullable: false, maxLength: 16),
                Outcome = table.Column<string>(nullable: true, maxLength: 4000),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedByUserId = table.Column<Guid>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DisruptionActivities", x => x.Id);
                table.ForeignKey(name: "FK_DisruptionActivities_Agencies_LeadAgencyId", column: x => x.LeadAgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_DisruptionActivities_DisruptionTactics_TacticId", column: x => x.TacticId, principalTable: "DisruptionTactics", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PersonOfConcernVehicles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonOfConcernId = table.Column<Guid>(nullable: false),
                Registration = table.Column<string>(nullable: false, maxLength: 16),
                Description = table.Column<string>(nullable: true, maxLength: 200),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonOfConcernVehicles", x => x.Id);
                table.ForeignKey(name: "FK_PersonOfConcernVehicles_PersonsOfConcern_PersonOfConcernId", column: x => x.PersonOfConcernId, principalTable: "PersonsOfConcern", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PersonOfConcernAccess",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonOfConcernId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonOfConcernAccess", x => x.Id);
                table.ForeignKey(name: "FK_PersonOfConcernAccess_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_PersonOfConcernAccess_PersonsOfConcern_PersonOfConcernId", column: x => x.PersonOfConcernId, principalTable: "PersonsOfConcern", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Associations_FromId_Type", table: "Associations", columns: new[] { "FromId", "Type" });
        migrationBuilder.CreateIndex(name: "IX_Associations_ToId_Type", table: "Associations", columns: new[] { "ToId", "Type" });
        migrationBuilder.CreateIndex(name: "IX_DisruptionActivities_LeadAgencyId", table: "DisruptionActivities", columns: new[] { "LeadAgencyId" });
        migrationBuilder.CreateIndex(name: "IX_DisruptionActivities_TacticId", table: "DisruptionActivities", columns: new[] { "TacticId" });
        migrationBuilder.CreateIndex(name: "IX_DisruptionActivities_TargetKind_TargetId", table: "DisruptionActivities", columns: new[] { "TargetKind", "TargetId" });
        migrationBuilder.CreateIndex(name: "IX_DisruptionTactics_Key", table: "DisruptionTactics", columns: new[] { "Key" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_PersonOfConcernAccess_PersonOfConcernId_UserId", table: "PersonOfConcernAccess", columns: new[] { "PersonOfConcernId", "UserId" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_PersonOfConcernAccess_UserId", table: "PersonOfConcernAccess", columns: new[] { "UserId" });
        migrationBuilder.CreateIndex(name: "IX_PersonOfConcernVehicles_PersonOfConcernId", table: "PersonOfConcernVehicles", columns: new[] { "PersonOfConcernId" });
        migrationBuilder.CreateIndex(name: "IX_PersonOfConcernVehicles_Registration", table: "PersonOfConcernVehicles", columns: new[] { "Registration" });
        migrationBuilder.CreateIndex(name: "IX_PersonsOfConcern_Name", table: "PersonsOfConcern", columns: new[] { "Name" });
        migrationBuilder.CreateIndex(name: "IX_Places_Name", table: "Places", columns: new[] { "Name" });
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only: restore a backup to go back.");
}
