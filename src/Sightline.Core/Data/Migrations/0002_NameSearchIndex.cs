using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Core.Data.Migrations;

/// <summary>
/// Version 2: find-a-person matches any part of a name (LIKE '%term%'). A B-tree cannot serve that;
/// on PostgreSQL a trigram GIN index can. SQLite scans, which is fine at a borough's size.
/// </summary>
[DbContext(typeof(SightlineDb))]
[Migration("20261122000002_NameSearchIndex")]
public sealed class NameSearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
        migrationBuilder.Sql("""CREATE INDEX "IX_People_SearchName_Trigram" ON "People" USING gin ("SearchName" gin_trgm_ops);""");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only: restore a backup to go back.");
}
