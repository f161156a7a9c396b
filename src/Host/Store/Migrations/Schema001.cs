namespace Corps.Host.Store.Migrations;

/// <summary>The first schema: corps, people and members, the department tree, roles, runs, change log, event inbox, locks.</summary>
/// <remarks>
/// Times are ISO-8601 UTC text (<c>DateTimeOffset.ToString("O")</c>), which sorts and compares as text.
/// Identities are unique per corp, kind and value, except the kinds in <see cref="IdentityKinds.Shared"/> (a Feishu
/// <c>tenant_key</c> is the same for every member of a tenant).
/// </remarks>
internal static class Schema001
{
    public static Migration Migration { get; } = new(1, "initial schema", """
        CREATE TABLE corps (
            id          INTEGER PRIMARY KEY,
            full_name   TEXT NOT NULL UNIQUE,
            title       TEXT,
            type        TEXT,
            created_at  TEXT NOT NULL
        );

        -- A person is a local account that signs in; it is a member of one or more corps.
        CREATE TABLE people (
            id            INTEGER PRIMARY KEY,
            display_name  TEXT,
            email_norm    TEXT,
            mobile_norm   TEXT,
            created_at    TEXT NOT NULL
        );
        CREATE INDEX ix_people_email ON people(email_norm) WHERE email_norm IS NOT NULL;
        CREATE INDEX ix_people_mobile ON people(mobile_norm) WHERE mobile_norm IS NOT NULL;

        CREATE TABLE members (
            id                 INTEGER PRIMARY KEY,
            corp_id            INTEGER NOT NULL REFERENCES corps(id),
            person_id          INTEGER NOT NULL REFERENCES people(id),
            external_id        TEXT NOT NULL,
            name               TEXT,
            english_name       TEXT,
            email              TEXT,
            mobile             TEXT,
            avatar_url         TEXT,
            job_title          TEXT,
            employee_no        TEXT,
            employee_type      TEXT,
            status             INTEGER NOT NULL,
            leader_member_id   INTEGER,
            is_tenant_manager  INTEGER,
            attributes         TEXT NOT NULL DEFAULT '{}',
            last_event_at      TEXT,
            created_at         TEXT NOT NULL,
            updated_at         TEXT NOT NULL,
            UNIQUE (corp_id, external_id)
        );
        CREATE INDEX ix_members_person ON members(person_id);

        CREATE TABLE identities (
            member_id  INTEGER NOT NULL REFERENCES members(id),
            corp_id    INTEGER NOT NULL REFERENCES corps(id),
            kind       TEXT NOT NULL,
            value      TEXT NOT NULL,
            PRIMARY KEY (member_id, kind)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX ux_identities_value ON identities(corp_id, kind, value) WHERE kind <> 'tenant_key';

        CREATE TABLE departments (
            id                INTEGER PRIMARY KEY,
            corp_id           INTEGER NOT NULL REFERENCES corps(id),
            external_id       TEXT NOT NULL,
            parent_id         INTEGER REFERENCES departments(id),
            name              TEXT NOT NULL,
            sort_order        INTEGER NOT NULL DEFAULT 0,
            leader_member_id  INTEGER,
            is_deleted        INTEGER NOT NULL DEFAULT 0,
            identities        TEXT NOT NULL DEFAULT '{}',
            attributes        TEXT NOT NULL DEFAULT '{}',
            last_event_at     TEXT,
            created_at        TEXT NOT NULL,
            updated_at        TEXT NOT NULL,
            UNIQUE (corp_id, external_id)
        );
        CREATE INDEX ix_departments_parent ON departments(parent_id);

        CREATE TABLE memberships (
            member_id      INTEGER NOT NULL REFERENCES members(id),
            department_id  INTEGER NOT NULL REFERENCES departments(id),
            sort_order     INTEGER NOT NULL DEFAULT 0,
            is_primary     INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (member_id, department_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_memberships_department ON memberships(department_id);

        CREATE TABLE groups (
            id           INTEGER PRIMARY KEY,
            corp_id      INTEGER NOT NULL REFERENCES corps(id),
            external_id  TEXT NOT NULL,
            name         TEXT NOT NULL,
            description  TEXT,
            UNIQUE (corp_id, external_id)
        );

        CREATE TABLE group_members (
            group_id   INTEGER NOT NULL REFERENCES groups(id),
            member_id  INTEGER NOT NULL REFERENCES members(id),
            PRIMARY KEY (group_id, member_id)
        ) WITHOUT ROWID;

        CREATE TABLE roles (
            corp_id     INTEGER NOT NULL REFERENCES corps(id),
            id          TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            PRIMARY KEY (corp_id, id)
        ) WITHOUT ROWID;

        CREATE TABLE role_members (
            corp_id      INTEGER NOT NULL,
            role_id      TEXT NOT NULL,
            member_id    INTEGER NOT NULL REFERENCES members(id),
            assigned_at  TEXT NOT NULL,
            PRIMARY KEY (member_id, role_id),
            FOREIGN KEY (corp_id, role_id) REFERENCES roles(corp_id, id)
        ) WITHOUT ROWID;

        CREATE TABLE admins (
            corp_id      INTEGER NOT NULL REFERENCES corps(id),
            member_id    INTEGER NOT NULL REFERENCES members(id),
            assigned_at  TEXT NOT NULL,
            PRIMARY KEY (corp_id, member_id)
        ) WITHOUT ROWID;

        CREATE TABLE signatures (
            member_id   INTEGER PRIMARY KEY REFERENCES members(id),
            url         TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );

        CREATE TABLE sync_runs (
            id                    INTEGER PRIMARY KEY,
            corp_id               INTEGER NOT NULL REFERENCES corps(id),
            trigger               TEXT NOT NULL,
            started_at            TEXT NOT NULL,
            finished_at           TEXT NOT NULL,
            outcome               INTEGER NOT NULL,
            counts                TEXT NOT NULL,
            upstream_departments  INTEGER NOT NULL DEFAULT 0,
            upstream_members      INTEGER NOT NULL DEFAULT 0,
            api_calls             INTEGER NOT NULL DEFAULT 0,
            rows_written          INTEGER NOT NULL DEFAULT 0,
            guard                 TEXT,
            warnings              TEXT NOT NULL DEFAULT '[]',
            error                 TEXT
        );
        CREATE INDEX ix_sync_runs_corp ON sync_runs(corp_id, id);

        -- One row per changed object; detail is JSON and never holds a secret.
        CREATE TABLE change_log (
            id           INTEGER PRIMARY KEY,
            corp_id      INTEGER NOT NULL REFERENCES corps(id),
            run_id       INTEGER REFERENCES sync_runs(id),
            event_id     TEXT,
            object_kind  TEXT NOT NULL,
            external_id  TEXT NOT NULL,
            action       TEXT NOT NULL,
            detail       TEXT,
            at           TEXT NOT NULL
        );
        CREATE INDEX ix_change_log_corp ON change_log(corp_id, id);

        -- Webhook deliveries, stored before they are acknowledged (at-least-once delivery, deduplicated per corp).
        CREATE TABLE event_inbox (
            id           INTEGER PRIMARY KEY,
            corp_id      INTEGER NOT NULL REFERENCES corps(id),
            event_id     TEXT NOT NULL,
            event_type   TEXT,
            received_at  TEXT NOT NULL,
            payload      TEXT NOT NULL,
            status       TEXT NOT NULL DEFAULT 'pending',
            attempts     INTEGER NOT NULL DEFAULT 0,
            last_error   TEXT,
            applied_at   TEXT,
            UNIQUE (corp_id, event_id)
        );
        CREATE INDEX ix_event_inbox_status ON event_inbox(status, id);

        -- Cross-process lock: one row per corp while a sync (or an event apply) of it runs.
        CREATE TABLE sync_locks (
            corp_full_name  TEXT PRIMARY KEY,
            holder          TEXT NOT NULL,
            holder_pid      INTEGER NOT NULL,
            holder_host     TEXT NOT NULL,
            acquired_at     TEXT NOT NULL,
            heartbeat_at    TEXT NOT NULL
        );
        """);
}
