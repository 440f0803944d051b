import GRDB

/// Migrations of the local state database. Append new ones; never edit a shipped one.
enum StateSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: runs, checkpoints, backups") { db in
      // Times are REAL Unix seconds: exact round trips, which `startedAt` needs.
      try db.execute(
        sql: """
          CREATE TABLE run (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            parameters TEXT NOT NULL DEFAULT '{}',
            startedAt REAL NOT NULL,
            updatedAt REAL NOT NULL,
            endedAt REAL,
            phase TEXT NOT NULL,
            counts TEXT NOT NULL DEFAULT '{}',
            outcome TEXT CHECK (outcome IN ('succeeded', 'partial', 'failed', 'cancelled')),
            backupPath TEXT,
            CHECK ((endedAt IS NULL) = (outcome IS NULL))
          );
          CREATE UNIQUE INDEX run_unfinished ON run (kind, source, target) WHERE endedAt IS NULL;
          CREATE INDEX run_started ON run (startedAt);
          CREATE TABLE checkpoint (
            runId INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
            itemKey TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'written', 'skipped', 'failed')),
            reason TEXT,
            updatedAt REAL NOT NULL,
            PRIMARY KEY (runId, itemKey)
          ) WITHOUT ROWID;
          CREATE INDEX checkpoint_status ON checkpoint (runId, status);
          CREATE TABLE backup (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            createdAt REAL NOT NULL,
            recordCount INTEGER NOT NULL,
            checksum TEXT NOT NULL,
            encryption TEXT NOT NULL,
            runId INTEGER REFERENCES run (id) ON DELETE SET NULL
          );
          CREATE INDEX backup_created ON backup (createdAt);
          """)
    }
    migrator.registerMigration("v2: rag ingest journal") { db in
      // One row per file and target (API URL, repository, collection): what was uploaded, and whether the
      // /bulk call that makes it a document has been made. A re-run skips files whose size and hash match.
      try db.execute(
        sql: """
          CREATE TABLE ragIngest (
            target TEXT NOT NULL,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            s3Key TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('uploaded', 'ingested')),
            updatedAt REAL NOT NULL,
            PRIMARY KEY (target, path)
          ) WITHOUT ROWID;
          """)
    }
    return migrator
  }
}
