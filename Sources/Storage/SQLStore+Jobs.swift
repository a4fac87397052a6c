import Foundation
import SQLKit

extension SQLStore {
    /// Seconds before the first retry; each later retry waits twice as long, up to ``maximumBackoff``.
    static let baseBackoff = 2.0
    /// The longest wait between retries.
    static let maximumBackoff = 3600.0

    public func enqueue(_ job: NewJob) async throws -> Int64? {
        try await lender.withConnection { database in
            let now = Clock.millis(Date())
            let row = try await database.raw("""
                INSERT INTO jobs (kind, payload, dedupe_key, state, attempts, max_attempts, run_at, created_at, updated_at)
                VALUES (\(bind: job.kind), \(bind: job.payload), \(bind: job.dedupeKey), 'queued', 0, \(bind: job.maxAttempts),
                        \(bind: Clock.millis(job.runAt)), \(bind: now), \(bind: now))
                ON CONFLICT DO NOTHING
                RETURNING id
                """).first()
            return try row?.decode(column: "id", as: Int64.self)
        }
    }

    public func claimJob(worker: String, kinds: Set<String>?, lease: Double, now: Date) async throws -> Job? {
        let nowMillis = Clock.millis(now)
        let leaseUntil = Clock.millis(now.addingTimeInterval(lease))
        let kindFilter: SQLQueryString
        if let kinds, !kinds.isEmpty {
            kindFilter = " AND kind IN (\(binds: kinds.sorted()))"
        } else {
            kindFilter = ""
        }
        let due: SQLQueryString = """
            ((state = 'queued' AND run_at <= \(bind: nowMillis)) OR (state = 'running' AND lease_until < \(bind: nowMillis)))
            """
        switch engine {
        case .postgres:
            // One statement: SKIP LOCKED lets concurrent workers pass over rows another transaction is claiming.
            return try await lender.withConnection { database in
                let row = try await database.raw("""
                    UPDATE jobs SET state = 'running', attempts = attempts + 1, claimed_by = \(bind: worker),
                        lease_until = \(bind: leaseUntil), updated_at = \(bind: nowMillis)
                    WHERE id = (SELECT id FROM jobs WHERE \(due)\(kindFilter) ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING *
                    """).first()
                return try row.map(decodeJob)
            }
        case .sqlite:
            // BEGIN IMMEDIATE holds SQLite's single write lock from the SELECT to the COMMIT, so no other
            // process can claim the same row in between.
            return try await lender.withTransaction { database in
                guard let candidate = try await database.raw(
                    "SELECT id FROM jobs WHERE \(due)\(kindFilter) ORDER BY run_at, id LIMIT 1"
                ).first() else { return nil }
                let id = try candidate.decode(column: "id", as: Int64.self)
                let row = try await database.raw("""
                    UPDATE jobs SET state = 'running', attempts = attempts + 1, claimed_by = \(bind: worker),
                        lease_until = \(bind: leaseUntil), updated_at = \(bind: nowMillis)
                    WHERE id = \(bind: id)
                    RETURNING *
                    """).first()
                return try row.map(decodeJob)
            }
        }
    }

    public func renewJobClaim(_ id: Int64, worker: String, lease: Double, now: Date) async throws -> Bool {
        try await lender.withConnection { database in
            let row = try await database.raw("""
                UPDATE jobs SET lease_until = \(bind: Clock.millis(now.addingTimeInterval(lease)))
                WHERE id = \(bind: id) AND state = 'running' AND claimed_by = \(bind: worker)
                RETURNING id
                """).first()
            return row != nil
        }
    }

    public func completeJob(_ id: Int64, now: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                UPDATE jobs SET state = 'done', claimed_by = NULL, lease_until = NULL, updated_at = \(bind: Clock.millis(now))
                WHERE id = \(bind: id)
                """).run()
        }
    }

    public func failJob(_ id: Int64, error: String, now: Date) async throws -> JobFailureOutcome {
        try await lender.withTransaction { database in
            guard let row = try await database.raw(
                "SELECT attempts, max_attempts FROM jobs WHERE id = \(bind: id)\(unsafeRaw: lockClause)"
            ).first() else {
                throw StoreError.notFound("job \(id)")
            }
            let attempts = try row.decode(column: "attempts", as: Int.self)
            let maxAttempts = try row.decode(column: "max_attempts", as: Int.self)
            let message = String(error.prefix(4000))
            if attempts >= maxAttempts {
                try await database.raw("""
                    UPDATE jobs SET state = 'dead', last_error = \(bind: message), claimed_by = NULL, lease_until = NULL,
                        updated_at = \(bind: Clock.millis(now))
                    WHERE id = \(bind: id)
                    """).run()
                return .dead
            }
            let delay = min(SQLStore.baseBackoff * pow(2, Double(max(attempts - 1, 0))), SQLStore.maximumBackoff)
            let retryAt = now.addingTimeInterval(delay)
            try await database.raw("""
                UPDATE jobs SET state = 'queued', last_error = \(bind: message), run_at = \(bind: Clock.millis(retryAt)),
                    claimed_by = NULL, lease_until = NULL, updated_at = \(bind: Clock.millis(now))
                WHERE id = \(bind: id)
                """).run()
            return .retry(at: Clock.date(Clock.millis(retryAt)))
        }
    }

    public func buryJob(_ id: Int64, error: String, now: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                UPDATE jobs SET state = 'dead', last_error = \(bind: String(error.prefix(4000))), claimed_by = NULL, lease_until = NULL,
                    updated_at = \(bind: Clock.millis(now))
                WHERE id = \(bind: id)
                """).run()
        }
    }

    public func releaseJob(_ id: Int64) async throws {
        try await requeueWithoutCountingTheAttempt(id, runAt: nil, reason: nil)
    }

    public func postponeJob(_ id: Int64, until: Date, reason: String) async throws {
        try await requeueWithoutCountingTheAttempt(id, runAt: until, reason: String(reason.prefix(4000)))
    }

    /// Queues a running job again and takes back the attempt its claim counted; `runAt` and `reason`, when given,
    /// replace its due time and last error.
    private func requeueWithoutCountingTheAttempt(_ id: Int64, runAt: Date?, reason: String?) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                UPDATE jobs SET state = 'queued', attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END,
                    run_at = COALESCE(\(bind: runAt.map(Clock.millis)), run_at), last_error = COALESCE(\(bind: reason), last_error),
                    claimed_by = NULL, lease_until = NULL
                WHERE id = \(bind: id) AND state = 'running'
                """).run()
        }
    }

    public func job(_ id: Int64) async throws -> Job? {
        try await lender.withConnection { database in
            try await database.raw("SELECT * FROM jobs WHERE id = \(bind: id)").first().map(decodeJob)
        }
    }

    public func jobCounts() async throws -> [JobState: Int] {
        try await lender.withConnection { database in
            var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
            for row in try await database.raw("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state").all() {
                if let state = JobState(rawValue: try row.decode(column: "state", as: String.self)) {
                    counts[state] = try row.decode(column: "n", as: Int.self)
                }
            }
            return counts
        }
    }

    private func decodeJob(_ row: any SQLRow) throws -> Job {
        let id = try row.decode(column: "id", as: Int64.self)
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = JobState(rawValue: stateText) else {
            throw StoreError.corruptRow(table: "jobs", key: String(id), reason: "unknown state \(stateText)")
        }
        return Job(
            id: id,
            kind: try row.decode(column: "kind", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            dedupeKey: try row.decode(column: "dedupe_key", as: String?.self),
            state: state,
            attempts: try row.decode(column: "attempts", as: Int.self),
            maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
            runAt: Clock.date(try row.decode(column: "run_at", as: Int64.self)),
            claimedBy: try row.decode(column: "claimed_by", as: String?.self),
            leaseUntil: try row.decode(column: "lease_until", as: Int64?.self).map(Clock.date),
            lastError: try row.decode(column: "last_error", as: String?.self)
        )
    }
}
