//! Region names linked where a line of text says them: 「南薩・北薩・大隅圏域」 links 南薩, 北薩
//! and 大隅圏域 to their regions' pages, "Aira-Isa and Kagoshima areas" links Aira-Isa and
//! Kagoshima. The result is escaped HTML, or nothing when the text does not name every region
//! (the page then lists the regions after the line instead).

use crate::render::html::escape as html_escape;

/// Words that end a region's name without being what a text calls it: 南薩圏域 is 「南薩」 in
/// 「南薩・北薩・大隅圏域」, Nansatsu area is "Nansatsu" in "Nansatsu and Osumi areas".
const NAME_SUFFIXES: &[&str] = &["圏域", "地区", "地域", " area", " district", " region"];

/// `text`, HTML-escaped, with each `(name, url)` linked at the first place the text names it
/// (by its whole name, or without a [`NAME_SUFFIXES`] word) that no earlier one took. `None`
/// when a name is not found.
pub fn link_names(text: &str, targets: &[(&str, &str)]) -> Option<String> {
    let mut taken: Vec<(usize, usize, &str)> = Vec::with_capacity(targets.len());
    for &(name, url) in targets {
        let short = NAME_SUFFIXES
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .filter(|short| !short.is_empty());
        let found = [Some(name), short].into_iter().flatten().find_map(|word| {
            text.match_indices(word)
                .map(|(at, _)| (at, at + word.len()))
                .filter(|&(a, b)| whole_words(text, a, b))
                .find(|&(a, b)| taken.iter().all(|&(x, y, _)| b <= x || a >= y))
        })?;
        taken.push((found.0, found.1, url));
    }
    taken.sort_unstable();
    let mut out = String::with_capacity(text.len() + taken.len() * 40);
    let mut at = 0;
    for (a, b, url) in taken {
        out.push_str(&html_escape(&text[at..a]));
        out.push_str(&format!(
            "<a href=\"{}\">{}</a>",
            html_escape(url),
            html_escape(&text[a..b])
        ));
        at = b;
    }
    out.push_str(&html_escape(&text[at..]));
    Some(out)
}

/// Whether `text[a..b]` does not cut a word of Latin letters or digits in two ("Kagoshima
/// area" is not in "Kagoshima areas"). Japanese has no spaces, so its names match anywhere.
fn whole_words(text: &str, a: usize, b: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let (before, first) = (text[..a].chars().next_back(), text[a..b].chars().next());
    let (last, after) = (text[a..b].chars().next_back(), text[b..].chars().next());
    let cuts_before = word(before) && word(first);
    let cuts_after = word(last) && word(after);
    !(cuts_before || cuts_after)
}

#[cfg(test)]
mod tests {
    use super::link_names;

    const AREAS: &[(&str, &str)] = &[
        ("南薩圏域", "/ja/regions/nansatsu-area/"),
        ("北薩圏域", "/ja/regions/hokusatsu-area/"),
        ("大隅圏域", "/ja/regions/osumi-area/"),
    ];

    #[test]
    fn names_are_linked_where_the_text_says_them() {
        assert_eq!(
            link_names("南薩・北薩・大隅圏域", AREAS).as_deref(),
            Some(
                "<a href=\"/ja/regions/nansatsu-area/\">南薩</a>・\
                 <a href=\"/ja/regions/hokusatsu-area/\">北薩</a>・\
                 <a href=\"/ja/regions/osumi-area/\">大隅圏域</a>"
            )
        );
        let en = [("Aira-Isa area", "/a/"), ("Kagoshima area", "/k/")];
        assert_eq!(
            link_names("Aira-Isa and Kagoshima areas", &en).as_deref(),
            Some("<a href=\"/a/\">Aira-Isa</a> and <a href=\"/k/\">Kagoshima</a> areas")
        );
    }

    #[test]
    fn a_name_the_text_does_not_say_leaves_the_text_unlinked() {
        assert_eq!(link_names("南薩・北薩", AREAS), None);
    }

    #[test]
    fn two_regions_never_share_the_same_words_and_text_is_escaped() {
        // Both names shorten to 「鹿児島」: the second takes the next occurrence, or fails.
        let same = [("鹿児島圏域", "/1/"), ("鹿児島地区", "/2/")];
        assert_eq!(
            link_names("鹿児島<b>と鹿児島", &same).as_deref(),
            Some("<a href=\"/1/\">鹿児島</a>&lt;b&gt;と<a href=\"/2/\">鹿児島</a>")
        );
        assert_eq!(link_names("鹿児島のみ", &same), None);
    }
}
