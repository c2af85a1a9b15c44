//! What reading one PKCS#12 file may cost: the ceilings on key-derivation iterations and
//! scrypt's memory and work that a file names for itself, charged before each derivation
//! runs, so a crafted file is refused without trying.

use super::Pkcs12Error;

/// The most iterations one derivation may ask for. Real files use 2,000 to 600,000.
pub const MAX_ITERATIONS: u64 = 10_000_000;
/// The most iterations all derivations of one file may ask for together.
pub const MAX_TOTAL_ITERATIONS: u64 = 30_000_000;
/// The most memory scrypt may ask for (128 · r · N bytes). Real files use 16–64 MiB.
pub const MAX_SCRYPT_MEMORY: u64 = 256 * 1024 * 1024;
/// The most scrypt work (N · r · p) one file may ask for.
pub const MAX_SCRYPT_WORK: u64 = 1 << 24;

/// What derivations may still cost, charged before each one runs.
#[derive(Debug)]
pub struct Budget {
    iterations_left: u64,
    scrypt_work_left: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            iterations_left: MAX_TOTAL_ITERATIONS,
            scrypt_work_left: MAX_SCRYPT_WORK,
        }
    }
}

impl Budget {
    /// Charges one iterated derivation; `count` is as the file states it.
    pub fn iterations(&mut self, count: i64) -> Result<u32, Pkcs12Error> {
        let count = u64::try_from(count)
            .ok()
            .filter(|&c| c >= 1)
            .ok_or_else(|| Pkcs12Error::Malformed("an iteration count below 1".into()))?;
        if count > MAX_ITERATIONS {
            return Err(Pkcs12Error::TooCostly {
                what: "an iteration count",
                value: count,
                limit: MAX_ITERATIONS,
            });
        }
        if count > self.iterations_left {
            return Err(Pkcs12Error::TooCostly {
                what: "iterations in all",
                value: MAX_TOTAL_ITERATIONS - self.iterations_left + count,
                limit: MAX_TOTAL_ITERATIONS,
            });
        }
        self.iterations_left -= count;
        u32::try_from(count).map_err(|_| Pkcs12Error::Malformed("iteration count".into()))
    }

    /// Charges one scrypt derivation with cost `n`, block size `r` and parallelism `p`.
    pub fn scrypt(&mut self, n: u64, r: u64, p: u64) -> Result<(), Pkcs12Error> {
        if n < 2 || !n.is_power_of_two() || r == 0 || p == 0 {
            return Err(Pkcs12Error::Malformed(format!(
                "scrypt parameters N={n}, r={r}, p={p}"
            )));
        }
        let memory = n.saturating_mul(r).saturating_mul(128);
        if memory > MAX_SCRYPT_MEMORY {
            return Err(Pkcs12Error::TooCostly {
                what: "scrypt memory in bytes",
                value: memory,
                limit: MAX_SCRYPT_MEMORY,
            });
        }
        let work = n.saturating_mul(r).saturating_mul(p);
        if work > self.scrypt_work_left {
            return Err(Pkcs12Error::TooCostly {
                what: "scrypt work (N·r·p)",
                value: work,
                limit: MAX_SCRYPT_WORK,
            });
        }
        self.scrypt_work_left -= work;
        Ok(())
    }
}
