//! Keel core: the engagement store, the domain and the operations on it.
//!
//! Everything a face of Keel does (the desktop shell, the `keel` CLI, the tests) goes
//! through these functions. Nothing in here knows about windows or webviews.

pub mod analysis;
pub mod capped_read;
pub mod csv_export;
pub mod demo;
pub mod domain;
pub mod error;
pub mod event;
pub mod import;
pub mod limits;
pub mod map;
pub mod ops;
pub mod plan;
pub mod report;
pub mod review;
pub mod settings;
pub mod signing;
pub mod store;
pub mod workspace;

#[cfg(test)]
mod ts_export;

pub use error::{ApiError, Error, ErrorCode, Result};
pub use store::EngagementStore;
