//! The modern Japanese eras: when each began and ended, and how it is written.

use super::calendar::{ymd, Ymd};

/// The modern eras. Earlier dates are shown with western years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Era {
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    const NEWEST_FIRST: [Era; 3] = [Era::Reiwa, Era::Heisei, Era::Showa];

    /// Western year = offset + era year.
    pub(crate) fn offset(self) -> i32 {
        match self {
            Era::Showa => 1925,
            Era::Heisei => 1988,
            Era::Reiwa => 2018,
        }
    }

    pub(crate) fn first_day(self) -> Ymd {
        match self {
            Era::Showa => ymd(1926, 12, 25),
            Era::Heisei => ymd(1989, 1, 8),
            Era::Reiwa => ymd(2019, 5, 1),
        }
    }

    pub(crate) fn last_day(self) -> Option<Ymd> {
        match self {
            Era::Showa => Some(ymd(1989, 1, 7)),
            Era::Heisei => Some(ymd(2019, 4, 30)),
            Era::Reiwa => None,
        }
    }

    pub(crate) fn kanji(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    pub(crate) fn english(self) -> &'static str {
        match self {
            Era::Showa => "Showa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }

    /// The era in force on `day`, if it is one of ours.
    pub(crate) fn in_force(day: Ymd) -> Option<Era> {
        Era::NEWEST_FIRST
            .into_iter()
            .find(|era| era.first_day() <= day)
    }

    /// Whether the era was in force on some day of `first..=last`.
    pub(crate) fn overlaps(self, first: Ymd, last: Ymd) -> bool {
        self.first_day() <= last && self.last_day().is_none_or(|end| first <= end)
    }
}
