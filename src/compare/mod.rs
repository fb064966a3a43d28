//! Comparisons computed from records: no I/O, no HTML pages, no templates.
//!
//! In: a loaded (and validated) [`Corpus`](crate::load::Corpus).
//! Out, for the pages that compare regions and for open data:
//!
//! - [`observations`](mod@observations): every indicator value in the corpus as one tidy [`Observation`]
//!   (region, indicator, baseline / target / actual / count, value, date and its role, the
//!   record and field path it came from);
//! - [`progress`]: one [`Comparison`] per source row — baseline, target and actual side by
//!   side, with change, gap, the share of the way covered and a [`Verdict`], all
//!   direction-aware — plus [`per_100k`] and [`same_point`];
//! - [`verdict`](mod@verdict): what the dates allow a comparison to say — met / not met only
//!   for a value measured at or after the deadline, on track / not yet met before it, not
//!   comparable when a date contradicts its heading or precedes the target;
//! - [`format`]: compared values as text (`4,830人`, `+434人`), the same on the pages, in the
//!   charts and in `/data/compare.json`;
//! - [`timeline`](mod@timeline): status sheets' programmes on a fiscal-year axis, with the programmes
//!   whose period is not stated kept apart rather than drawn at a guessed year.
//!
//! The pages (`render::view::compare`), their charts (`render::svg`) and the open data
//! (`data`) are made from these.
//!
//! Guarantees: output is deterministic (sorted, fixed number formatting); values are never
//! compared across date points silently — every observation keeps its date, and every
//! [`Comparison`] lists the [`Caveat`]s that qualify it; nothing here panics on data.

pub mod format;
pub mod observations;
pub mod progress;
pub mod timeline;
pub mod verdict;

pub use observations::{observations, DateRole, Obs, ObsKind, Observation};
pub use progress::{comparisons, per_100k, same_point, Caveat, Comparison, PerCapita};
pub use timeline::{timeline, Timeline, TimelineRow, Unplaced};
pub use verdict::{Reason, Status, Verdict};

use crate::load::Corpus;

/// Everything the comparison pages share, computed once per build.
pub struct Computed {
    pub observations: Vec<Observation>,
    pub comparisons: Vec<Comparison>,
    pub timeline: Timeline,
}

impl Computed {
    pub fn new(corpus: &Corpus) -> Computed {
        let observations = observations(corpus);
        let comparisons = comparisons(corpus, &observations);
        Computed {
            timeline: timeline(corpus),
            observations,
            comparisons,
        }
    }
}
