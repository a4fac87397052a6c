import SQLKit

/// The schema, as one ordered list of migrations shared by SQLite and PostgreSQL.
///
/// Statements are written once; the few words the engines spell differently are tokens
/// (`{{AUTO_ID}}`, `{{BYTES}}`) that ``StorageEngine/render(_:)`` replaces. Applied migrations are recorded in
/// `schema_migrations`; a database holding a migration not listed here was written by a newer pfbot.
enum Migrations {
    struct Migration {
        let id: String
        let statements: [String]
        /// Statements the engines cannot share (triggers); run after `statements`.
        var engineStatements: [StorageEngine: [String]] = [:]
        /// Data moved in code after the statements, in the same transaction.
        var afterwards: (@Sendable (any SQLDatabase) async throws -> Void)? = nil

        func statements(for engine: StorageEngine) -> [String] {
            statements + (engineStatements[engine] ?? [])
        }
    }

    static let all: [Migration] = [
        Migration(id: "001_initial", statements: [
            """
            CREATE TABLE tasks (
                id TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                reward_drops BIGINT NOT NULL,
                data TEXT NOT NULL,
                raw TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX tasks_state ON tasks (state)",
            """
            CREATE TABLE task_history (
                id {{AUTO_ID}},
                task_id TEXT NOT NULL REFERENCES tasks (id),
                from_state TEXT,
                to_state TEXT NOT NULL,
                source TEXT NOT NULL,
                note TEXT,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX task_history_task ON task_history (task_id, id)",
            """
            CREATE TABLE deliveries (
                delivery_id TEXT PRIMARY KEY,
                event TEXT NOT NULL,
                action TEXT,
                body {{BYTES}} NOT NULL,
                received_at BIGINT NOT NULL,
                processed_at BIGINT
            )
            """,
            """
            CREATE TABLE jobs (
                id {{AUTO_ID}},
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                dedupe_key TEXT,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                max_attempts INTEGER NOT NULL,
                run_at BIGINT NOT NULL,
                claimed_by TEXT,
                lease_until BIGINT,
                last_error TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX jobs_due ON jobs (state, run_at)",
            "CREATE UNIQUE INDEX jobs_live_dedupe ON jobs (dedupe_key) WHERE state IN ('queued', 'running')",
            """
            CREATE TABLE outbox (
                key TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                result TEXT,
                last_error TEXT,
                created_at BIGINT NOT NULL,
                sent_at BIGINT
            )
            """,
            """
            CREATE TABLE audit_log (
                id {{AUTO_ID}},
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                detail TEXT
            )
            """,
            """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
        ]),
        Migration(id: "002_leases", statements: [
            """
            CREATE TABLE leases (
                name TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
        ]),
        // Every new delivery gets its processing job from the database itself, so the inbox stores a batch of
        // deliveries and their jobs in one INSERT statement: one round trip to the database thread and, outside an
        // explicit transaction, one commit. Rows skipped by ON CONFLICT DO NOTHING fire no trigger.
        Migration(id: "003_delivery_jobs_trigger", statements: [], engineStatements: [
            .sqlite: [
                """
                CREATE TRIGGER deliveries_enqueue_job AFTER INSERT ON deliveries
                BEGIN
                    INSERT INTO jobs (kind, payload, dedupe_key, state, attempts, max_attempts, run_at, created_at, updated_at)
                    VALUES ('\(Delivery.jobKind)', NEW.delivery_id, 'delivery:' || NEW.delivery_id, 'queued', 0, \(Delivery.jobAttempts),
                            NEW.received_at, NEW.received_at, NEW.received_at);
                END
                """,
            ],
            .postgres: [
                """
                CREATE FUNCTION deliveries_enqueue_job() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO jobs (kind, payload, dedupe_key, state, attempts, max_attempts, run_at, created_at, updated_at)
                    VALUES ('\(Delivery.jobKind)', NEW.delivery_id, 'delivery:' || NEW.delivery_id, 'queued', 0, \(Delivery.jobAttempts),
                            NEW.received_at, NEW.received_at, NEW.received_at);
                    RETURN NULL;
                END
                $$
                """,
                """
                CREATE TRIGGER deliveries_enqueue_job AFTER INSERT ON deliveries
                FOR EACH ROW EXECUTE FUNCTION deliveries_enqueue_job()
                """,
            ],
        ]),
        // Pipeline state in real tables (it lived as text in `settings`): QC verdicts, reviews, deadline warnings,
        // redelivery requests and stored analyses; tasks found by issue, pull request and branch through indexes.
        // ``LegacyStateMigration`` moves the old `settings` rows over in the same transaction.
        Migration(id: "004_pipeline_state", statements: [
            "ALTER TABLE tasks ADD COLUMN repository TEXT",
            "ALTER TABLE tasks ADD COLUMN issue_number INTEGER",
            "ALTER TABLE tasks ADD COLUMN pull_number INTEGER",
            "ALTER TABLE tasks ADD COLUMN branch TEXT",
            // Milestones and the time the current state began, kept with each state change so reports aggregate
            // in one pass over `tasks` instead of reading every task's history.
            "ALTER TABLE tasks ADD COLUMN state_entered_at BIGINT",
            "ALTER TABLE tasks ADD COLUMN accepted_at BIGINT",
            "ALTER TABLE tasks ADD COLUMN submitted_at BIGINT",
            "ALTER TABLE tasks ADD COLUMN rewarded_at BIGINT",
            """
            UPDATE tasks SET
                state_entered_at = (SELECT h.at FROM task_history h WHERE h.task_id = tasks.id ORDER BY h.id DESC LIMIT 1),
                accepted_at = (SELECT MIN(h.at) FROM task_history h WHERE h.task_id = tasks.id AND h.to_state = 'accepted'),
                submitted_at = (SELECT MIN(h.at) FROM task_history h WHERE h.task_id = tasks.id AND h.to_state = 'submitted'),
                rewarded_at = (SELECT MIN(h.at) FROM task_history h WHERE h.task_id = tasks.id AND h.to_state = 'rewarded')
            """,
            // Closed spans of time in each state (a span ends when the task leaves the state), summed.
            """
            CREATE TABLE state_durations (
                state TEXT PRIMARY KEY,
                spans BIGINT NOT NULL,
                total_ms BIGINT NOT NULL
            )
            """,
            """
            INSERT INTO state_durations (state, spans, total_ms)
            SELECT to_state, COUNT(*), SUM(CASE WHEN next_at > at THEN next_at - at ELSE 0 END)
            FROM (SELECT to_state, at, LEAD(at) OVER (PARTITION BY task_id ORDER BY id) AS next_at FROM task_history) spans
            WHERE next_at IS NOT NULL
            GROUP BY to_state
            """,
            "CREATE INDEX audit_log_action ON audit_log (action)",
            "CREATE INDEX tasks_updated ON tasks (updated_at)",
            "CREATE INDEX tasks_issue ON tasks (issue_number)",
            "CREATE INDEX tasks_pull ON tasks (pull_number)",
            "CREATE INDEX tasks_branch ON tasks (branch)",
            """
            CREATE TABLE qc_verdicts (
                task_id TEXT NOT NULL REFERENCES tasks (id),
                head_sha TEXT NOT NULL,
                conclusion TEXT NOT NULL,
                title TEXT NOT NULL,
                rules TEXT NOT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (task_id, head_sha)
            )
            """,
            "CREATE INDEX qc_verdicts_latest ON qc_verdicts (task_id, at)",
            """
            CREATE TABLE reviews (
                id {{AUTO_ID}},
                task_id TEXT NOT NULL REFERENCES tasks (id),
                reviewer TEXT NOT NULL,
                author_association TEXT,
                state TEXT NOT NULL,
                commit_sha TEXT,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX reviews_task ON reviews (task_id, id)",
            """
            CREATE TABLE deadline_warnings (
                task_id TEXT NOT NULL REFERENCES tasks (id),
                lead_hours INTEGER NOT NULL,
                sent_at BIGINT NOT NULL,
                PRIMARY KEY (task_id, lead_hours)
            )
            """,
            """
            CREATE TABLE redeliveries (
                delivery_guid TEXT PRIMARY KEY,
                github_delivery_id BIGINT NOT NULL,
                requested_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE task_analyses (
                task_id TEXT PRIMARY KEY REFERENCES tasks (id),
                input_digest TEXT NOT NULL,
                category TEXT NOT NULL,
                complexity INTEGER NOT NULL,
                estimated_hours DOUBLE PRECISION NOT NULL,
                return_on_investment DOUBLE PRECISION NOT NULL,
                detail TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX task_analyses_return ON task_analyses (return_on_investment DESC, task_id)",
        ], engineStatements: [
            .sqlite: [
                """
                UPDATE tasks SET repository = json_extract(data, '$.repository'), issue_number = json_extract(data, '$.issueNumber'),
                    pull_number = json_extract(data, '$.pullNumber'), branch = json_extract(data, '$.branch')
                """,
            ],
            .postgres: [
                """
                UPDATE tasks SET repository = data::jsonb ->> 'repository', issue_number = (data::jsonb ->> 'issueNumber')::integer,
                    pull_number = (data::jsonb ->> 'pullNumber')::integer, branch = data::jsonb ->> 'branch'
                """,
            ],
        ], afterwards: LegacyStateMigration.run),
        Migration(id: "005_issue_mirrors", statements: [
            """
            CREATE TABLE issue_mirrors (
                repository TEXT NOT NULL,
                issue_number INTEGER NOT NULL,
                comments_recorded INTEGER NOT NULL DEFAULT 0,
                written_digest TEXT,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (repository, issue_number)
            )
            """,
            """
            CREATE TABLE issue_comments (
                repository TEXT NOT NULL,
                issue_number INTEGER NOT NULL,
                event TEXT NOT NULL,
                comment_id BIGINT,
                recorded_at BIGINT NOT NULL,
                PRIMARY KEY (repository, issue_number, event)
            )
            """,
        ]),
        Migration(id: "006_command_receipts_and_heads", statements: [
            """
            CREATE TABLE command_receipts (
                comment_id BIGINT NOT NULL,
                line INTEGER NOT NULL,
                verb TEXT NOT NULL,
                reply TEXT,
                started_at BIGINT NOT NULL,
                finished_at BIGINT,
                PRIMARY KEY (comment_id, line)
            )
            """,
            """
            CREATE TABLE task_heads (
                task_id TEXT NOT NULL,
                head_sha TEXT NOT NULL,
                seen_at BIGINT NOT NULL,
                seq BIGINT NOT NULL,
                PRIMARY KEY (task_id, head_sha)
            )
            """,
        ]),
        Migration(id: "007_audit_causes", statements: [
            "ALTER TABLE audit_log ADD COLUMN cause TEXT",
            "ALTER TABLE audit_log ADD COLUMN tasknode_event TEXT",
        ]),
        Migration(id: "008_reward_confirmations", statements: [
            """
            CREATE TABLE reward_payments (
                task_id TEXT PRIMARY KEY REFERENCES tasks (id),
                payment_hash TEXT NOT NULL,
                expected_drops BIGINT NOT NULL,
                destination TEXT NOT NULL,
                status TEXT NOT NULL,
                ledger_index BIGINT,
                detail TEXT,
                reported_at BIGINT NOT NULL,
                checked_at BIGINT
            )
            """,
            "CREATE INDEX reward_payments_status ON reward_payments (status, reported_at)",
            """
            CREATE TABLE tasknode_reward_days (
                day TEXT PRIMARY KEY,
                drops BIGINT NOT NULL,
                fetched_at BIGINT NOT NULL
            )
            """,
        ]),
        Migration(id: "009_command_owners_and_unique_payments", statements: [
            "ALTER TABLE command_receipts ADD COLUMN owner TEXT",
            "CREATE INDEX reward_payments_hash ON reward_payments (payment_hash)",
        ]),
        Migration(id: "010_sticky_comments_and_pack_choices", statements: [
            "ALTER TABLE issue_comments ADD COLUMN body_digest TEXT",
            """
            CREATE TABLE task_packs (
                task_id TEXT PRIMARY KEY REFERENCES tasks (id),
                pack TEXT NOT NULL,
                origin TEXT NOT NULL,
                reason TEXT NOT NULL,
                chosen_at BIGINT NOT NULL
            )
            """,
        ]),
        Migration(id: "011_redelivery_requests_and_sweep_mark", statements: [
            "ALTER TABLE redeliveries ADD COLUMN requests INTEGER NOT NULL DEFAULT 1",
            """
            CREATE TABLE redelivery_sweep (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                newest_delivered_at BIGINT NOT NULL,
                swept_at BIGINT NOT NULL
            )
            """,
        ]),
    ]
}

extension StorageEngine {
    /// Replaces the engine-specific tokens of a migration statement.
    func render(_ statement: String) -> String {
        let autoID = self == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY"
        let bytes = self == .sqlite ? "BLOB" : "BYTEA"
        return statement
            .replacingOccurrences(of: "{{AUTO_ID}}", with: autoID)
            .replacingOccurrences(of: "{{BYTES}}", with: bytes)
    }

    /// How a write transaction starts: SQLite takes the write lock at once so concurrent writers queue instead of
    /// failing half-way.
    var beginWrite: String { self == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN" }
}
