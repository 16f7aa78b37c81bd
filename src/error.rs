//! The errors of the fallible setup steps. Extraction itself cannot fail.

use thiserror::Error;

/// Why an [`Extractor`](crate::Extractor) option was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// A document year outside [`DOCUMENT_YEARS`](crate::DOCUMENT_YEARS).
    #[error("document year {year} is outside {min}..={max}", min = crate::DOCUMENT_YEARS.start(), max = crate::DOCUMENT_YEARS.end())]
    YearOutOfRange {
        /// The year given.
        year: i32,
    },
}
