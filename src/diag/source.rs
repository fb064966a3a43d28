//! Offsets to line and column. The one place that turns positions into what editors show.

/// Line starts of a text, for turning byte offsets into 1-based line and character column.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset. Offsets past the end, or
    /// inside a character, are clamped.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = floor_char_boundary(self.text, byte.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= byte) - 1;
        let col = self.text[self.starts[line]..byte].chars().count();
        (line + 1, col + 1)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_on_a_japanese_line() {
        let text = "title: 熊本県\nregion: くまもと x\n";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(x), (2, 14));
        assert_eq!(idx.line(2), Some("region: くまもと x"));
        assert_eq!(idx.line_col(0), (1, 1));
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        let text = "熊本";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(1), (1, 1));
        assert_eq!(idx.line_col(99), (1, 3));
        assert_eq!(idx.line(5), None);
    }

    proptest::proptest! {
        #[test]
        fn line_col_never_panics(s in "\\PC{0,100}", at in 0usize..500) {
            let idx = LineIndex::new(&s);
            let (line, col) = idx.line_col(at);
            proptest::prop_assert!(line >= 1 && col >= 1);
            proptest::prop_assert!(idx.line(line).is_some());
        }
    }
}
