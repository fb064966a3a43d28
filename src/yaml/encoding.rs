//! Files that are not UTF-8: which encoding they are in, and the command that converts them.
//!
//! Content is read as UTF-8 only, but a record saved by a spreadsheet or an old editor on a
//! Japanese Windows machine is Shift_JIS, and some tools write UTF-16. Such a file gets its
//! encoding named and an `iconv` command in the help, instead of a bare "not valid UTF-8":
//!
//! - UTF-16 is recognised by its byte order mark, or (without one) by the zero bytes its
//!   ASCII characters have on one side. It comes first: UTF-16 holding only ASCII is valid
//!   UTF-8, full of NULs.
//! - Otherwise `chardetng` (Firefox's detector, biased to Japanese by the `.jp` domain)
//!   guesses a legacy encoding, kept only when the whole file decodes in it without error
//!   and has no valid UTF-8 sequence (a UTF-8 file with one stray byte is not "windows-1252").
//!
//! Shift_JIS is converted with `iconv -f CP932`: Windows' Shift_JIS (what `encoding_rs` reads
//! as Shift_JIS) has characters such as ①, ㈱ and 髙 that iconv's strict `SHIFT_JIS` refuses.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, SHIFT_JIS, UTF_16BE, UTF_16LE};

/// An encoding found, and the file's text decoded from it.
#[derive(Debug)]
pub struct Found {
    /// How the message names it: `Shift_JIS`, `EUC-JP`, `UTF-16 (little-endian)`.
    pub name: String,
    /// The encoding as `iconv -f` knows it.
    pub iconv: &'static str,
    pub text: String,
    /// The first character that is not ASCII (1-based line and column), where UTF-8
    /// reading fails; the start of the file for UTF-16.
    pub at: (usize, usize),
}

/// UTF-16, by its byte order mark or the zero bytes of its ASCII characters. Valid UTF-8
/// beyond ASCII is UTF-8, however many NULs it holds (they are control characters, reported
/// as such): UTF-16 text is all but never valid UTF-8 once it has a character past U+007F.
pub fn utf16(bytes: &[u8]) -> Option<Found> {
    let (encoding, bom) = match bytes {
        [0xFF, 0xFE, ..] => (UTF_16LE, true),
        [0xFE, 0xFF, ..] => (UTF_16BE, true),
        _ if std::str::from_utf8(bytes).is_ok_and(|text| !text.is_ascii()) => return None,
        _ => (zero_bytes(bytes)?, false),
    };
    let (text, _) = encoding.decode_with_bom_removal(bytes);
    let (name, iconv) = match (encoding == UTF_16LE, bom) {
        (_, true) => (format!("UTF-16 ({})", endian(encoding)), "UTF-16"),
        (true, false) => (format!("UTF-16 ({})", endian(encoding)), "UTF-16LE"),
        (false, false) => (format!("UTF-16 ({})", endian(encoding)), "UTF-16BE"),
    };
    Some(Found {
        name,
        iconv,
        text: text.into_owned(),
        at: (1, 1),
    })
}

fn endian(encoding: &'static Encoding) -> &'static str {
    if encoding == UTF_16LE {
        "little-endian"
    } else {
        "big-endian"
    }
}

/// UTF-16 without a byte order mark: in its first 4 KiB, many code units with a zero high
/// byte (ASCII keys, spaces, line breaks) and almost no zero low bytes.
fn zero_bytes(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let units = head.len() / 2;
    if units < 2 || !head.contains(&0) {
        return None;
    }
    let zeros = |parity: usize| {
        head.chunks_exact(2)
            .filter(|pair| pair[parity] == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let many = |n: usize| n * 5 >= units;
    let few = |n: usize| n * 50 <= units;
    if many(odd) && few(even) {
        Some(UTF_16LE)
    } else if many(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A legacy encoding (Shift_JIS, EUC-JP …) for bytes that are not UTF-8, if one reads them
/// whole. `valid_up_to` is where UTF-8 reading failed.
pub fn legacy(bytes: &[u8], valid_up_to: usize) -> Option<Found> {
    // Valid UTF-8 beyond ASCII before the bad byte: a UTF-8 file with a stray byte.
    if !bytes[..valid_up_to].is_ascii() {
        return None;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"jp"), Utf8Detection::Deny);
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)?
        .into_owned();
    let at = first_non_ascii(&text);
    let (name, iconv) = if encoding == SHIFT_JIS {
        ("Shift_JIS".to_owned(), "CP932")
    } else {
        // WHATWG names (`EUC-JP`, `GBK`, `windows-1252`) are iconv's too.
        (encoding.name().to_owned(), encoding.name())
    };
    Some(Found {
        name,
        iconv,
        text,
        at,
    })
}

fn first_non_ascii(text: &str) -> (usize, usize) {
    let at = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii())
        .map_or(text.len(), |(i, _)| i);
    crate::diag::source::LineIndex::new(text).line_col(at)
}

/// The help for a file found in another encoding: the command that converts it in place,
/// run in the site root (`rel` is quoted for the shell).
pub fn help(found: &Found, rel: &str) -> String {
    let quoted = |s: &str| {
        shlex::try_quote(s).map_or_else(|_| format!("'{s}'"), std::borrow::Cow::into_owned)
    };
    let file = quoted(rel);
    let temp = quoted(&format!("{rel}.utf8"));
    format!(
        "save it as UTF-8; in the site root: `iconv -f {} -t UTF-8 {file} > {temp} && mv {temp} {file}`",
        found.iconv
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: &str =
        "name: {ja: 熊本県, en: Kumamoto}\nkind: prefecture\nslogan: {ja: ①まだす熊本, en: x}\n";

    fn encode(encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(RECORD);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn legacy_of(bytes: &[u8]) -> Option<Found> {
        let valid = std::str::from_utf8(bytes).err()?.valid_up_to();
        legacy(bytes, valid)
    }

    #[test]
    fn shift_jis_is_named_and_converted_as_cp932() {
        let found = legacy_of(&encode(SHIFT_JIS)).expect("Shift_JIS is recognised");
        assert_eq!((found.name.as_str(), found.iconv), ("Shift_JIS", "CP932"));
        assert_eq!(found.text, RECORD);
        assert_eq!(found.at, (1, 12));
        assert_eq!(
            help(&found, "content/regions/x.yaml"),
            "save it as UTF-8; in the site root: `iconv -f CP932 -t UTF-8 content/regions/x.yaml > content/regions/x.yaml.utf8 && mv content/regions/x.yaml.utf8 content/regions/x.yaml`"
        );
    }

    #[test]
    fn euc_jp_is_named() {
        let found = legacy_of(&encode(encoding_rs::EUC_JP)).expect("EUC-JP is recognised");
        assert_eq!((found.name.as_str(), found.iconv), ("EUC-JP", "EUC-JP"));
        assert_eq!(found.text, RECORD);
    }

    #[test]
    fn utf16_is_named_with_or_without_a_byte_order_mark() {
        let units: Vec<u16> = RECORD.encode_utf16().collect();
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        let found = utf16(&le).expect("UTF-16LE without a BOM");
        assert_eq!(
            (found.name.as_str(), found.iconv),
            ("UTF-16 (little-endian)", "UTF-16LE")
        );
        assert_eq!(found.text, RECORD);
        let found = utf16(&be).expect("UTF-16BE without a BOM");
        assert_eq!(found.iconv, "UTF-16BE");
        let with_bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(le).collect();
        let found = utf16(&with_bom).expect("UTF-16 with a BOM");
        assert_eq!(
            (found.name.as_str(), found.iconv),
            ("UTF-16 (little-endian)", "UTF-16")
        );
        assert_eq!(found.text, RECORD);
    }

    #[test]
    fn utf8_and_a_utf8_file_with_a_stray_byte_are_not_renamed() {
        assert!(utf16(RECORD.as_bytes()).is_none());
        let mut bytes = RECORD.as_bytes().to_vec();
        bytes.extend([0xFF, 0xFE, b'\n']);
        assert!(legacy_of(&bytes).is_none());
        // A NUL or two in UTF-8 text is not UTF-16, and neither are many in Japanese text
        // (each line's NUL on the same side of a code unit looked like UTF-16BE).
        assert!(utf16(b"name: a\0b\nkind: x\n").is_none());
        let nuls = format!(
            "title: {{ja: 洪水, en: Flood}}\n{}",
            "# note\0\n".repeat(150)
        );
        assert!(zero_bytes(nuls.as_bytes()).is_some());
        assert!(utf16(nuls.as_bytes()).is_none());
    }

    #[test]
    fn a_path_that_needs_quoting_is_quoted() {
        let found = legacy_of(&encode(SHIFT_JIS)).unwrap();
        assert!(help(&found, "content/a b;rm.yaml").contains("'content/a b;rm.yaml'"));
    }
}
