using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Core.Data.Migrations;

/// <summary>
/// Version 5: performance data — areas and peer groups, population and households, monthly crime
/// counts by source and category, and a record of each import. New tables only: existing rows are
/// untouched. The reference areas and groups are added by <see cref="DatabaseMigrator"/>.
/// </summary>
[DbContext(typeof(SightlineDb))]
[Migration("20261122000005_Performance")]
public sealed class PerformanceData : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AreaGroups",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(nullable: false, maxLength: 40),
                Name = table.Column<string>(nullable: false, maxLength: 200),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AreaGroups", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Areas",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 120),
                Code = table.Column<string>(nullable: true, maxLength: 16),
                Kind = table.Column<string>(nullable: false, maxLength: 16),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Areas", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "ImportRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Source = table.Column<string>(nullable: false, maxLength: 40),
                FileName = table.Column<string>(nullable: false, maxLength: 400),
                FileSha256 = table.Column<string>(nullable: false, maxLength: 64),
                StartedAt = table.Column<DateTime>(nullable: false),
                FinishedAt = table.Column<DateTime>(nullable: false),
                RowsRead = table.Column<int>(nullable: false),
                RowsImported = table.Column<int>(nullable: false),
                RowsRejected = table.Column<int>(nullable: false),
                Summary = table.Column<string>(nullable: true, maxLength: 8000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImportRuns", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AreaGroupMembers",
            columns: table => new
            {
                GroupId = table.Column<Guid>(nullable: false),
                AreaId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AreaGroupMembers", x => new { x.GroupId, x.AreaId });
                table.ForeignKey(name: "FK_AreaGroupMembers_AreaGroups_GroupId", column: x => x.GroupId, principalTable: "AreaGroups", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_AreaGroupMembers_Areas_AreaId", column: x => x.AreaId, principalTable: "Areas", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CrimeCounts",
            columns: table => new
            {
                Source = table.Column<string>(nullable: false, maxLength: 40),
                AreaId = table.Column<Guid>(nullable: false),
                Month = table.Column<int>(nullable: false),
                Category = table.Column<string>(nullable: false, maxLength: 120),
                Subcategory = table.Column<string>(nullable: false, maxLength: 120),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CrimeCounts", x => new { x.Source, x.AreaId, x.Month, x.Category, x.Subcategory });
                table.ForeignKey(name: "FK_CrimeCounts_Areas_AreaId", column: x => x.AreaId, principalTable: "Areas", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "HouseholdEstimates",
            columns: table => new
            {
                AreaId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HouseholdEstimates", x => new { x.AreaId, x.Year });
                table.ForeignKey(name: "FK_HouseholdEstimates_Areas_AreaId", column: x => x.AreaId, principalTable: "Areas", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PopulationEstimates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AreaId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Age = table.Column<int>(nullable: true),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PopulationEstimates", x => x.Id);
                table.ForeignKey(name: "FK_PopulationEstimates_Areas_AreaId", column: x => x.AreaId, principalTable: "Areas", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_AreaGroupMembers_AreaId", table: "AreaGroupMembers", columns: new[] { "AreaId" });
        migrationBuilder.CreateIndex(name: "IX_AreaGroups_Key", table: "AreaGroups", columns: new[] { "Key" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_Areas_Code", table: "Areas", columns: new[] { "Code" });
        migrationBuilder.CreateIndex(name: "IX_Areas_Name", table: "Areas", columns: new[] { "Name" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_CrimeCounts_AreaId_Month", table: "CrimeCounts", columns: new[] { "AreaId", "Month" });
        migrationBuilder.CreateIndex(name: "IX_ImportRuns_StartedAt", table: "ImportRuns", columns: new[] { "StartedAt" });
        migrationBuilder.CreateIndex(name: "IX_PopulationEstimates_AreaId_Year_Age", table: "PopulationEstimates", columns: new[] { "AreaId", "Year", "Age" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only: restore a backup to go back.");
}
