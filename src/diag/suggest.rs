//! Did-you-mean suggestions for misspelt fields, ids and words.

/// The candidate closest to `name`, when it is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(name, c);
        if score >= 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_misses_only() {
        let fields = ["region", "title", "indicators", "long-term-inpatients"];
        assert_eq!(closest("regoin", fields), Some("region"));
        assert_eq!(
            closest("long-term-inpatient", fields),
            Some("long-term-inpatients")
        );
        assert_eq!(closest("zzz", fields), None);
    }
}
