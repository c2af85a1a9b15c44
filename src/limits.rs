//! The limits every engagement connection runs under. They live on the ground floor, beside
//! the errors, because the errors' messages quote them; the store applies them.

use std::time::Duration;

/// The longest text or blob a statement may make or read. Keel's largest legitimate
/// value is the canonical snapshot of a frozen plan over a whole large engagement
/// (about 10 MB for 10,000 activities and resources); 64 MiB leaves room to spare.
pub const MAX_VALUE_BYTES: i32 = 64 * 1024 * 1024;

/// How long one statement may run before it is stopped: far beyond anything Keel's
/// queries need on the largest engagement, short enough that a runaway query ends.
pub const MAX_STATEMENT_TIME: Duration = Duration::from_secs(30);
