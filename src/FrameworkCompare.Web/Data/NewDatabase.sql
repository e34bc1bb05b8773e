CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "Categories" ("Key" TEXT NOT NULL PRIMARY KEY, "Label" TEXT NOT NULL, "Order" INTEGER NOT NULL);
CREATE TABLE "Attributes" (
    "Key" TEXT NOT NULL PRIMARY KEY, "Label" TEXT NOT NULL, "CategoryKey" TEXT NOT NULL, "Type" TEXT NOT NULL,
    "Unit" TEXT NULL, "Description" TEXT NOT NULL, "Order" INTEGER NOT NULL);
CREATE TABLE "Frameworks" (
    "Slug" TEXT NOT NULL PRIMARY KEY, "Name" TEXT NOT NULL, "Language" TEXT NOT NULL, "Kind" TEXT NOT NULL,
    "Website" TEXT NOT NULL, "Repository" TEXT NOT NULL, "License" TEXT NOT NULL, "FirstRelease" INTEGER NOT NULL,
    "Summary" TEXT NOT NULL, "OverviewHtml" TEXT NOT NULL, "OverviewText" TEXT NOT NULL, "ChooseWhen" TEXT NOT NULL,
    "SourcePath" TEXT NOT NULL);
CREATE TABLE "FactValues" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "FrameworkSlug" TEXT NOT NULL REFERENCES "Frameworks" ("Slug") ON DELETE CASCADE,
    "AttributeKey" TEXT NOT NULL, "Value" TEXT NULL, "Note" TEXT NULL, "SourceUrl" TEXT NULL,
    "Checked" TEXT NULL, "UnknownReason" TEXT NULL);
CREATE INDEX "IX_FactValues_FrameworkSlug" ON "FactValues" ("FrameworkSlug");
CREATE TABLE "ProCons" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "FrameworkSlug" TEXT NOT NULL REFERENCES "Frameworks" ("Slug") ON DELETE CASCADE,
    "IsPro" INTEGER NOT NULL, "Text" TEXT NOT NULL, "SourceUrl" TEXT NULL, "Order" INTEGER NOT NULL);
CREATE INDEX "IX_ProCons_FrameworkSlug" ON "ProCons" ("FrameworkSlug");
CREATE TABLE "Articles" (
    "Slug" TEXT NOT NULL PRIMARY KEY, "Title" TEXT NOT NULL, "Summary" TEXT NOT NULL, "Author" TEXT NOT NULL,
    "Published" TEXT NOT NULL, "Updated" TEXT NULL, "Frameworks" TEXT NOT NULL, "Tags" TEXT NOT NULL,
    "Html" TEXT NOT NULL, "Text" TEXT NOT NULL, "Toc" TEXT NOT NULL, "ReadingMinutes" INTEGER NOT NULL,
    "SourcePath" TEXT NOT NULL);
CREATE TABLE "FaqEntries" (
    "Slug" TEXT NOT NULL PRIMARY KEY, "Question" TEXT NOT NULL, "Topic" TEXT NOT NULL, "Frameworks" TEXT NOT NULL,
    "AnswerHtml" TEXT NOT NULL, "AnswerText" TEXT NOT NULL, "SourcePath" TEXT NOT NULL);
CREATE TABLE "ContentFiles" (
    "Path" TEXT NOT NULL PRIMARY KEY, "Kind" TEXT NOT NULL, "Hash" TEXT NOT NULL, "Slug" TEXT NULL,
    "ServedHash" TEXT NULL, "Problems" TEXT NOT NULL, "SeenAt" TEXT NOT NULL);
CREATE TABLE "ImportRuns" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "StartedAt" TEXT NOT NULL, "DurationMs" INTEGER NOT NULL,
    "FilesImported" INTEGER NOT NULL, "FilesFailed" INTEGER NOT NULL, "FilesRemoved" INTEGER NOT NULL);
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
    "Kind" UNINDEXED, "Slug" UNINDEXED, "Path" UNINDEXED, "Title", "Body", tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000001_Initial', '10.0.15');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201180252_RecordModelSnapshot', '10.0.15');

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditLog" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Actor" TEXT NULL,
    "Target" TEXT NULL,
    "Detail" TEXT NULL,
    "ClientAddress" TEXT NULL
);

CREATE TABLE "RetiredPages" (
    "Kind" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "MovedTo" TEXT NULL,
    "RetiredAt" TEXT NOT NULL,
    CONSTRAINT "PK_RetiredPages" PRIMARY KEY ("Kind", "Slug")
);

CREATE TABLE "Revisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Revisions" PRIMARY KEY AUTOINCREMENT,
    "Path" TEXT NOT NULL,
    "Text" TEXT NULL,
    "Hash" TEXT NULL,
    "BaseHash" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    "Message" TEXT NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Drafts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Drafts" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Path" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "BaseHash" TEXT NULL,
    "Message" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Drafts_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditLog_At" ON "AuditLog" ("At");

CREATE UNIQUE INDEX "IX_Drafts_UserId_Path" ON "Drafts" ("UserId", "Path");

CREATE INDEX "IX_Revisions_At" ON "Revisions" ("At");

CREATE INDEX "IX_Revisions_Path_Id" ON "Revisions" ("Path", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201180407_EditorWorkspace', '10.0.15');

ALTER TABLE "Frameworks" ADD "Package" TEXT NULL;

ALTER TABLE "Attributes" ADD "StaleAfterMonths" INTEGER NULL;

CREATE TABLE "ReviewItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewItems" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Origin" TEXT NOT NULL,
    "FrameworkSlug" TEXT NULL,
    "AttributeKey" TEXT NULL,
    "CurrentValue" TEXT NULL,
    "ProposedValue" TEXT NULL,
    "EvidenceUrl" TEXT NULL,
    "ProposedChecked" TEXT NULL,
    "Message" TEXT NULL,
    "ReporterEmail" TEXT NULL,
    "Path" TEXT NULL,
    "Text" TEXT NULL,
    "BaseHash" TEXT NULL,
    "ResolvedAt" TEXT NULL,
    "ResolvedBy" TEXT NULL,
    "Resolution" TEXT NULL
);

CREATE TABLE "SourceChecks" (
    "Url" TEXT NOT NULL CONSTRAINT "PK_SourceChecks" PRIMARY KEY,
    "Broken" INTEGER NOT NULL,
    "Status" INTEGER NULL,
    "RedirectedTo" TEXT NULL,
    "Detail" TEXT NOT NULL,
    "CheckedAt" TEXT NOT NULL
);

CREATE INDEX "IX_ReviewItems_State_Id" ON "ReviewItems" ("State", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201183842_FactsKeptTrue', '10.0.15');

CREATE TABLE "Authors" (
    "Slug" TEXT NOT NULL CONSTRAINT "PK_Authors" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Bio" TEXT NOT NULL,
    "Links" TEXT NOT NULL,
    "Html" TEXT NOT NULL,
    "SourcePath" TEXT NOT NULL
);

CREATE TABLE "FactChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FactChanges" PRIMARY KEY AUTOINCREMENT,
    "Path" TEXT NOT NULL,
    "FrameworkSlug" TEXT NOT NULL,
    "AttributeKey" TEXT NOT NULL,
    "OldValue" TEXT NULL,
    "OldUnknownReason" TEXT NULL,
    "OldSourceUrl" TEXT NULL,
    "OldChecked" TEXT NULL,
    "NewValue" TEXT NULL,
    "NewUnknownReason" TEXT NULL,
    "NewSourceUrl" TEXT NULL,
    "NewChecked" TEXT NULL,
    "ChangedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_FactChanges_ChangedAt" ON "FactChanges" ("ChangedAt");

CREATE INDEX "IX_FactChanges_FrameworkSlug_AttributeKey" ON "FactChanges" ("FrameworkSlug", "AttributeKey");

CREATE INDEX "IX_FactChanges_Path" ON "FactChanges" ("Path");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201211940_ReaderTools', '10.0.15');

CREATE TABLE "AuthenticatorSteps" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_AuthenticatorSteps" PRIMARY KEY,
    "LastStep" INTEGER NOT NULL,
    CONSTRAINT "FK_AuthenticatorSteps_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Sessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastSeenAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Sessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Sessions_LastSeenAt" ON "Sessions" ("LastSeenAt");

CREATE INDEX "IX_Sessions_UserId" ON "Sessions" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203084832_ServerSessionsAndSingleUseCodes', '10.0.15');

CREATE TABLE "PendingUploads" (
    "ReviewItemId" INTEGER NOT NULL CONSTRAINT "PK_PendingUploads" PRIMARY KEY,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Bytes" BLOB NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PendingUploads_ReviewItems_ReviewItemId" FOREIGN KEY ("ReviewItemId") REFERENCES "ReviewItems" ("Id") ON DELETE CASCADE
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203093142_PendingUploadsInTheDatabase', '10.0.15');

CREATE TABLE "ReadModelVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReadModelVersions" PRIMARY KEY AUTOINCREMENT,
    "CreatedAt" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "Documents" TEXT NOT NULL
);

CREATE TABLE "ServedScoring" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServedScoring" PRIMARY KEY,
    "Bytes" BLOB NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203114733_ReadModelVersions', '10.0.15');

ALTER TABLE "ContentFiles" ADD "ChangedNs" INTEGER NULL;

ALTER TABLE "ContentFiles" ADD "Inode" INTEGER NULL;

ALTER TABLE "ContentFiles" ADD "ModifiedNs" INTEGER NULL;

ALTER TABLE "ContentFiles" ADD "ScannedAtNs" INTEGER NULL;

ALTER TABLE "ContentFiles" ADD "Size" INTEGER NULL;

CREATE TABLE "FactHistoryMarks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FactHistoryMarks" PRIMARY KEY,
    "Commit" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203115543_ContentFileStat', '10.0.15');

DROP TABLE IF EXISTS "SearchIndex";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203115723_DropFullTextTable', '10.0.15');

CREATE INDEX "IX_Articles_SourcePath" ON "Articles" ("SourcePath");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261208021629_ArticleSourcePathIndex', '10.0.15');

