//! What every connection to an engagement runs under, whoever made the file: no trust in
//! the schema's own SQL, defensive mode, length limits, and a guard that stops a runaway
//! statement.

use std::time::Duration;

use rusqlite::Connection;

use crate::limits::{MAX_STATEMENT_TIME, MAX_VALUE_BYTES};

/// The longest Keel's own SQL statements are (the migrations are run statement by
/// statement, each well under this).
const MAX_SQL_BYTES: i32 = 1024 * 1024;

/// Settings every connection gets before it reads anything of the file's: the schema's
/// own SQL (triggers, views, defaults) is not trusted to call functions with side
/// effects; defensive mode refuses the tricks that corrupt a file through SQL
/// (`writable_schema` and the like); values and statements have length limits; and a
/// progress handler stops any single statement that runs for longer than
/// [`MAX_STATEMENT_TIME`].
pub(super) fn harden(conn: &mut Connection) -> rusqlite::Result<()> {
    use rusqlite::config::DbConfig;
    use rusqlite::limits::Limit;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)?;
    conn.set_limit(Limit::SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES)?;
    conn.set_limit(Limit::SQLITE_LIMIT_TRIGGER_DEPTH, 16)?;
    conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    conn.progress_handler(PROGRESS_STEPS, Some(RunawayGuard::default().into_handler()))?;
    Ok(())
}

/// Virtual-machine steps between two calls of the progress handler: a statement that
/// finishes sooner never calls it at all.
const PROGRESS_STEPS: i32 = 100_000;

/// Tells one long statement from a string of short ones by the gaps between progress
/// calls: SQLite calls the handler only while a statement is running, every
/// [`PROGRESS_STEPS`] steps (well under a millisecond apart), so a gap longer than
/// [`NEW_RUN_GAP`] means a new statement has started.
#[derive(Default)]
struct RunawayGuard {
    started: Option<std::time::Instant>,
    last: Option<std::time::Instant>,
}

const NEW_RUN_GAP: Duration = Duration::from_millis(250);

impl RunawayGuard {
    /// True when the statement under way should be stopped.
    fn tick(&mut self, now: std::time::Instant) -> bool {
        let continues = self
            .last
            .is_some_and(|last| now.saturating_duration_since(last) < NEW_RUN_GAP);
        if !continues {
            self.started = Some(now);
        }
        self.last = Some(now);
        self.started
            .is_some_and(|started| now.saturating_duration_since(started) > MAX_STATEMENT_TIME)
    }

    fn into_handler(mut self) -> impl FnMut() -> bool + Send + 'static {
        move || self.tick(std::time::Instant::now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runaway_guard_stops_one_long_statement_but_not_many_short_ones() {
        let start = std::time::Instant::now();
        let mut guard = RunawayGuard::default();
        let step = Duration::from_millis(1);
        let mut now = start;
        while now.duration_since(start) <= MAX_STATEMENT_TIME {
            assert!(!guard.tick(now), "stopped too early");
            now += step;
        }
        assert!(
            guard.tick(now),
            "a statement running past the limit is stopped"
        );

        let mut guard = RunawayGuard::default();
        let mut now = start;
        for _ in 0..1000 {
            // Many statements, each shorter than the limit, separated by idle gaps.
            for _ in 0..10 {
                assert!(!guard.tick(now));
                now += step;
            }
            now += NEW_RUN_GAP * 2;
        }
        assert!(now.duration_since(start) > MAX_STATEMENT_TIME);
    }
}
