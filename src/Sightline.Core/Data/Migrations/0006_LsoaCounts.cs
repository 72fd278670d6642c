using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Core.Data.Migrations;

/// <summary>
/// Version 6: police.uk counts by LSOA, month and crime type (for hotspot lists). A new table only:
/// existing rows are untouched.
/// </summary>
[DbContext(typeof(SightlineDb))]
[Migration("20261122000006_LsoaCounts")]
public sealed class LsoaCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LsoaCrimeCounts",
            columns: table => new
            {
                Source = table.Column<string>(nullable: false, maxLength: 40),
                LsoaCode = table.Column<string>(nullable: false, maxLength: 16),
                LsoaName = table.Column<string>(nullable: false, maxLength: 120),
                AreaId = table.Column<Guid>(nullable: false),
                Month = table.Column<int>(nullable: false),
                CrimeType = table.Column<string>(nullable: false, maxLength: 120),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LsoaCrimeCounts", x => new { x.Source, x.LsoaCode, x.LsoaName, x.AreaId, x.Month, x.CrimeType });
                table.ForeignKey(name: "FK_LsoaCrimeCounts_Areas_AreaId", column: x => x.AreaId, principalTable: "Areas", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_LsoaCrimeCounts_AreaId_Month", table: "LsoaCrimeCounts", columns: new[] { "AreaId", "Month" });
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only: restore a backup to go back.");
}
