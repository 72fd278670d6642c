using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Core.Data.Migrations;

/// <summary>
/// Version 7: every imported figure says which import run added or last changed it (a nullable column:
/// rows imported before this version keep null, "imported before runs were traced"), and the partner
/// measures table (<c>./sightline import indicators</c>). No foreign key on the new count columns:
/// SQLite cannot add one to an existing table without rebuilding it, and a run is never deleted.
/// </summary>
[DbContext(typeof(SightlineDb))]
[Migration("20261122000007_ImportTracing")]
public sealed class ImportTracing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "ImportRunId", table: "CrimeCounts", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "ImportRunId", table: "LsoaCrimeCounts", nullable: true);

        migrationBuilder.CreateTable(
            name: "IndicatorValues",
            columns: table => new
            {
                AreaId = table.Column<Guid>(nullable: false),
                IndicatorKey = table.Column<string>(nullable: false, maxLength: 60),
                PeriodKind = table.Column<string>(nullable: false, maxLength: 16),
                PeriodStart = table.Column<int>(nullable: false),
                Value = table.Column<decimal>(nullable: false, precision: 18, scale: 4),
                ImportRunId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorValues", x => new { x.AreaId, x.IndicatorKey, x.PeriodKind, x.PeriodStart });
                table.ForeignKey(name: "FK_IndicatorValues_Areas_AreaId", column: x => x.AreaId, principalTable: "Areas", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_IndicatorValues_ImportRuns_ImportRunId", column: x => x.ImportRunId, principalTable: "ImportRuns", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateIndex(name: "IX_IndicatorValues_ImportRunId", table: "IndicatorValues", column: "ImportRunId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only: restore a backup to go back.");
}
