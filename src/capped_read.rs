//! Reading a file from outside with a ceiling on its size: a file larger than the limit
//! is refused before it is read into memory, and since the size on disk can be wrong (a
//! pipe, a device, a file still growing) no more than one byte past the limit is read.

use std::io::Read as _;
use std::path::Path;

use crate::{Error, Result};

/// What reading with a ceiling found.
pub enum Capped {
    Bytes(Vec<u8>),
    /// Over the limit: its size on disk, or `None` when only reading showed it.
    TooLarge(Option<u64>),
}

/// Reads `path` if it holds at most `limit` bytes.
pub fn read_capped(path: &Path, limit: u64) -> Result<Capped> {
    let file = std::fs::File::open(path).map_err(Error::io("read", path))?;
    let size = file.metadata().map_err(Error::io("read", path))?.len();
    if size > limit {
        return Ok(Capped::TooLarge(Some(size)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Error::io("read", path))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Ok(Capped::TooLarge(None));
    }
    Ok(Capped::Bytes(bytes))
}
