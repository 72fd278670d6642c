// Usage: dotnet run --project tools/MigrationDraft [Table ...]
// Prints the CreateTable/CreateIndex code that builds the named tables (all when none are named)
// from the current model, without provider-specific column types, so one migration serves
// SQLite and PostgreSQL. Paste what a new migration needs, then review it by hand.
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Sightline.Core.Data;

var options = new DbContextOptionsBuilder<SightlineDb>();
new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:").Configure(options);
using var db = new SightlineDb(options.Options);
var differ = db.GetService<IMigrationsModelDiffer>();
var model = db.GetService<IDesignTimeModel>().Model;
var wanted = args.ToHashSet(StringComparer.OrdinalIgnoreCase);
var ops = differ.GetDifferences(null, model.GetRelationalModel())
    .Where(op => wanted.Count == 0 || op switch
    {
        CreateTableOperation t => wanted.Contains(t.Name),
        CreateIndexOperation i => wanted.Contains(i.Table),
        _ => false,
    });

var sb = new StringBuilder();
foreach (var op in ops)
{
    switch (op)
    {
        case CreateTableOperation table:
            sb.AppendLine($"migrationBuilder.CreateTable(");
            sb.AppendLine($"    name: \"{table.Name}\",");
            sb.AppendLine("    columns: table => new");
            sb.AppendLine("    {");
            foreach (var column in table.Columns)
            {
                var type = TypeName(column.ClrType);
                var columnArgs = new List<string> { $"nullable: {(column.IsNullable ? "true" : "false")}" };
                if (column.MaxLength is { } max) columnArgs.Add($"maxLength: {max}");
                sb.AppendLine($"        {column.Name} = table.Column<{type}>({string.Join(", ", columnArgs)}),");
            }
            sb.AppendLine("    },");
            sb.AppendLine("    constraints: table =>");
            sb.AppendLine("    {");
            if (table.PrimaryKey is { } pk) sb.AppendLine($"        table.PrimaryKey(\"{pk.Name}\", x => {Columns(pk.Columns)});");
            foreach (var uc in table.UniqueConstraints) sb.AppendLine($"        table.UniqueConstraint(\"{uc.Name}\", x => {Columns(uc.Columns)});");
            foreach (var fk in table.ForeignKeys)
                sb.AppendLine($"        table.ForeignKey(name: \"{fk.Name}\", column: x => {Columns(fk.Columns)}, principalTable: \"{fk.PrincipalTable}\", principalColumn: \"{fk.PrincipalColumns![0]}\", onDelete: ReferentialAction.{fk.OnDelete});");
            sb.AppendLine("    });");
            sb.AppendLine();
            break;
        case CreateIndexOperation index:
            sb.AppendLine($"migrationBuilder.CreateIndex(name: \"{index.Name}\", table: \"{index.Table}\", columns: new[] {{ {string.Join(", ", index.Columns.Select(c => $"\"{c}\""))} }}{(index.IsUnique ? ", unique: true" : "")});");
            break;
        default:
            sb.AppendLine($"// not emitted: {op.GetType().Name}");
            break;
    }
}
Console.Write(sb.ToString());

static string Columns(string[] columns) => columns.Length == 1 ? $"x.{columns[0]}" : $"new {{ {string.Join(", ", columns.Select(c => $"x.{c}"))} }}";

static string TypeName(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
{
    var t when t == typeof(string) => "string",
    var t when t == typeof(int) => "int",
    var t when t == typeof(long) => "long",
    var t when t == typeof(bool) => "bool",
    var t when t == typeof(decimal) => "decimal",
    var t when t == typeof(double) => "double",
    var t when t == typeof(byte[]) => "byte[]",
    var t => t.Name,
};
