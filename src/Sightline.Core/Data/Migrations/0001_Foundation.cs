using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Core.Data.Migrations;

/// <summary>
/// Version 1: agencies, users and sign-in, young people with agencies involved, flags, notes,
/// restriction and break-glass, and the hash-chained audit trail. Column types are left to the
/// provider so the same migration builds SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(SightlineDb))]
[Migration("20261122000001_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Agencies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                Kind = table.Column<string>(nullable: false, maxLength: 32),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Agencies", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditChainHeads",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                Hash = table.Column<string>(nullable: false, maxLength: 64),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditChainHeads", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                UserEmail = table.Column<string>(nullable: true, maxLength: 256),
                Action = table.Column<string>(nullable: false, maxLength: 24),
                EntityType = table.Column<string>(nullable: false, maxLength: 64),
                EntityId = table.Column<string>(nullable: true, maxLength: 64),
                PersonId = table.Column<Guid>(nullable: true),
                Details = table.Column<string>(nullable: true),
                IpAddress = table.Column<string>(nullable: true, maxLength: 64),
                PreviousHash = table.Column<string>(nullable: false, maxLength: 64),
                Hash = table.Column<string>(nullable: false, maxLength: 64),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
            });

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FriendlyName = table.Column<string>(nullable: true, maxLength: 200),
                Xml = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "FlagTypes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(nullable: false, maxLength: 40),
                Name = table.Column<string>(nullable: false, maxLength: 120),
                Description = table.Column<string>(nullable: true, maxLength: 500),
                HasLevel = table.Column<bool>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FlagTypes", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(nullable: false, maxLength: 16),
                FirstName = table.Column<string>(nullable: false, maxLength: 100),
                LastName = table.Column<string>(nullable: false, maxLength: 100),
                SearchName = table.Column<string>(nullable: false, maxLength: 320),
                PreferredName = table.Column<string>(nullable: true, maxLength: 100),
                DateOfBirth = table.Column<DateOnly>(nullable: false),
                Sex = table.Column<string>(nullable: false, maxLength: 16),
                Ethnicity = table.Column<string>(nullable: true, maxLength: 100),
                Address = table.Column<string>(nullable: true, maxLength: 500),
                Postcode = table.Column<string>(nullable: true, maxLength: 10),
                LegalStatus = table.Column<string>(nullable: false, maxLength: 40),
                IsRestricted = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Teams",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Teams", x => x.Id);
                table.ForeignKey(name: "FK_Teams_Agencies_AgencyId", column: x => x.AgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AgencyInvolvements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                ContactName = table.Column<string>(nullable: true, maxLength: 200),
                ContactPhone = table.Column<string>(nullable: true, maxLength: 40),
                ContactEmail = table.Column<string>(nullable: true, maxLength: 254),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                AddedByUserId = table.Column<Guid>(nullable: false),
                EndedByUserId = table.Column<Guid>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgencyInvolvements", x => x.Id);
                table.ForeignKey(name: "FK_AgencyInvolvements_Agencies_AgencyId", column: x => x.AgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_AgencyInvolvements_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PersonFlags",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                FlagTypeId = table.Column<Guid>(nullable: false),
                Level = table.Column<string>(nullable: true, maxLength: 16),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                Notes = table.Column<string>(nullable: true, maxLength: 2000),
                SetByUserId = table.Column<Guid>(nullable: false),
                SetAt = table.Column<DateTime>(nullable: false),
                EndedByUserId = table.Column<Guid>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonFlags", x => x.Id);
                table.ForeignKey(name: "FK_PersonFlags_FlagTypes_FlagTypeId", column: x => x.FlagTypeId, principalTable: "FlagTypes", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PersonFlags_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(nullable: false, maxLength: 200),
                AgencyId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: true),
                Role = table.Column<string>(nullable: false, maxLength: 32),
                IsActive = table.Column<bool>(nullable: false),
                MustChangePassword = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastSignInAt = table.Column<DateTime>(nullable: true),
                UserName = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedUserName = table.Column<string>(nullable: true, maxLength: 256),
                Email = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedEmail = table.Column<string>(nullable: true, maxLength: 256),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                table.ForeignKey(name: "FK_AspNetUsers_Agencies_AgencyId", column: x => x.AgencyId, principalTable: "Agencies", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_AspNetUsers_Teams_TeamId", column: x => x.TeamId, principalTable: "Teams", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(nullable: false, maxLength: 64),
                Prefix = table.Column<string>(nullable: false, maxLength: 16),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
                LastUsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiTokens", x => x.Id);
                table.ForeignKey(name: "FK_ApiTokens_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(name: "FK_AspNetUserClaims_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(name: "FK_AspNetUserLogins_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(name: "FK_AspNetUserTokens_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "BreakGlassAccesses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Reason = table.Column<string>(nullable: false, maxLength: 2000),
                StartedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                ReviewedByUserId = table.Column<Guid>(nullable: true),
                ReviewedAt = table.Column<DateTime>(nullable: true),
                ReviewNote = table.Column<string>(nullable: true, maxLength: 2000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BreakGlassAccesses", x => x.Id);
                table.ForeignKey(name: "FK_BreakGlassAccesses_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_BreakGlassAccesses_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                AuthorUserId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(nullable: false, maxLength: 20000),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseNotes", x => x.Id);
                table.ForeignKey(name: "FK_CaseNotes_AspNetUsers_AuthorUserId", column: x => x.AuthorUserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_CaseNotes_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PersonAccessGrants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                GrantedByUserId = table.Column<Guid>(nullable: false),
                GrantedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonAccessGrants", x => x.Id);
                table.ForeignKey(name: "FK_PersonAccessGrants_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_PersonAccessGrants_People_PersonId", column: x => x.PersonId, principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Agencies_Name", table: "Agencies", columns: new[] { "Name" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_AgencyInvolvements_AgencyId_PersonId", table: "AgencyInvolvements", columns: new[] { "AgencyId", "PersonId" });
        migrationBuilder.CreateIndex(name: "IX_AgencyInvolvements_PersonId", table: "AgencyInvolvements", columns: new[] { "PersonId" });
        migrationBuilder.CreateIndex(name: "IX_ApiTokens_TokenHash", table: "ApiTokens", columns: new[] { "TokenHash" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_ApiTokens_UserId", table: "ApiTokens", columns: new[] { "UserId" });
        migrationBuilder.CreateIndex(name: "IX_AspNetUserClaims_UserId", table: "AspNetUserClaims", columns: new[] { "UserId" });
        migrationBuilder.CreateIndex(name: "IX_AspNetUserLogins_UserId", table: "AspNetUserLogins", columns: new[] { "UserId" });
        migrationBuilder.CreateIndex(name: "EmailIndex", table: "AspNetUsers", columns: new[] { "NormalizedEmail" });
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_AgencyId", table: "AspNetUsers", columns: new[] { "AgencyId" });
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_TeamId", table: "AspNetUsers", columns: new[] { "TeamId" });
        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", columns: new[] { "NormalizedUserName" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_PersonId_Sequence", table: "AuditEntries", columns: new[] { "PersonId", "Sequence" });
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_UserId_Sequence", table: "AuditEntries", columns: new[] { "UserId", "Sequence" });
        migrationBuilder.CreateIndex(name: "IX_BreakGlassAccesses_PersonId_UserId_ExpiresAt", table: "BreakGlassAccesses", columns: new[] { "PersonId", "UserId", "ExpiresAt" });
        migrationBuilder.CreateIndex(name: "IX_BreakGlassAccesses_StartedAt", table: "BreakGlassAccesses", columns: new[] { "StartedAt" });
        migrationBuilder.CreateIndex(name: "IX_BreakGlassAccesses_UserId", table: "BreakGlassAccesses", columns: new[] { "UserId" });
        migrationBuilder.CreateIndex(name: "IX_CaseNotes_AuthorUserId", table: "CaseNotes", columns: new[] { "AuthorUserId" });
        migrationBuilder.CreateIndex(name: "IX_CaseNotes_PersonId", table: "CaseNotes", columns: new[] { "PersonId" });
        migrationBuilder.CreateIndex(name: "IX_FlagTypes_Key", table: "FlagTypes", columns: new[] { "Key" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_People_DateOfBirth", table: "People", columns: new[] { "DateOfBirth" });
        migrationBuilder.CreateIndex(name: "IX_People_LastName_FirstName", table: "People", columns: new[] { "LastName", "FirstName" });
        migrationBuilder.CreateIndex(name: "IX_People_Reference", table: "People", columns: new[] { "Reference" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_People_SearchName", table: "People", columns: new[] { "SearchName" });
        migrationBuilder.CreateIndex(name: "IX_PersonAccessGrants_PersonId_UserId", table: "PersonAccessGrants", columns: new[] { "PersonId", "UserId" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_PersonAccessGrants_UserId", table: "PersonAccessGrants", columns: new[] { "UserId" });
        migrationBuilder.CreateIndex(name: "IX_PersonFlags_FlagTypeId_EndDate", table: "PersonFlags", columns: new[] { "FlagTypeId", "EndDate" });
        migrationBuilder.CreateIndex(name: "IX_PersonFlags_PersonId", table: "PersonFlags", columns: new[] { "PersonId" });
        migrationBuilder.CreateIndex(name: "IX_Teams_AgencyId_Name", table: "Teams", columns: new[] { "AgencyId", "Name" }, unique: true);

        // The chain's head starts at the genesis hash; appends bump it under a row lock.
        migrationBuilder.Sql($"INSERT INTO \"AuditChainHeads\" (\"Id\", \"Sequence\", \"Hash\") VALUES (1, 0, '{Sightline.Core.Audit.AuditChain.Genesis}');");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only: restore a backup to go back.");
}
