//! Characters that must not hide in text: what they are, what they are called, and how a
//! terminal is shown them.
//!
//! Content is untrusted. A C0/C1 control (ESC starts a terminal escape sequence, NUL ends C
//! strings), a bidi override or isolate (it reorders what a reader sees, the "Trojan Source"
//! trick) or a zero-width character (it hides inside a word) is reported with its code point
//! and name (`U+202E RIGHT-TO-LEFT OVERRIDE`) by the loader (`yaml::text`), and escaped
//! wherever a diagnostic echoes text to a terminal ([`escaped`]).

use std::borrow::Cow;

/// Why a character may not stay in content text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// A C0 or C1 control character (Unicode category Cc) other than tab and line feed.
    Control,
    /// A bidi embedding, override or isolate: U+202A–U+202E, U+2066–U+2069.
    Bidi,
    /// A zero-width character: U+200B–U+200D, U+2060, U+FEFF.
    ZeroWidth,
}

/// The class of a character content may not hold, or `None` for an ordinary one.
pub fn hidden(c: char) -> Option<Hidden> {
    match c {
        '\t' | '\n' => None,
        c if c.is_control() => Some(Hidden::Control),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(Hidden::Bidi),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(Hidden::ZeroWidth),
        _ => None,
    }
}

/// C0 controls by code point: Unicode's name alias and the usual abbreviation.
const C0: [(&str, &str); 32] = [
    ("NULL", "NUL"),
    ("START OF HEADING", "SOH"),
    ("START OF TEXT", "STX"),
    ("END OF TEXT", "ETX"),
    ("END OF TRANSMISSION", "EOT"),
    ("ENQUIRY", "ENQ"),
    ("ACKNOWLEDGE", "ACK"),
    ("ALERT", "BEL"),
    ("BACKSPACE", "BS"),
    ("CHARACTER TABULATION", "HT"),
    ("LINE FEED", "LF"),
    ("LINE TABULATION", "VT"),
    ("FORM FEED", "FF"),
    ("CARRIAGE RETURN", "CR"),
    ("SHIFT OUT", "SO"),
    ("SHIFT IN", "SI"),
    ("DATA LINK ESCAPE", "DLE"),
    ("DEVICE CONTROL ONE", "DC1"),
    ("DEVICE CONTROL TWO", "DC2"),
    ("DEVICE CONTROL THREE", "DC3"),
    ("DEVICE CONTROL FOUR", "DC4"),
    ("NEGATIVE ACKNOWLEDGE", "NAK"),
    ("SYNCHRONOUS IDLE", "SYN"),
    ("END OF TRANSMISSION BLOCK", "ETB"),
    ("CANCEL", "CAN"),
    ("END OF MEDIUM", "EM"),
    ("SUBSTITUTE", "SUB"),
    ("ESCAPE", "ESC"),
    ("INFORMATION SEPARATOR FOUR", "FS"),
    ("INFORMATION SEPARATOR THREE", "GS"),
    ("INFORMATION SEPARATOR TWO", "RS"),
    ("INFORMATION SEPARATOR ONE", "US"),
];

/// C1 controls, U+0080–U+009F, the same way.
const C1: [(&str, &str); 32] = [
    ("PADDING CHARACTER", "PAD"),
    ("HIGH OCTET PRESET", "HOP"),
    ("BREAK PERMITTED HERE", "BPH"),
    ("NO BREAK HERE", "NBH"),
    ("INDEX", "IND"),
    ("NEXT LINE", "NEL"),
    ("START OF SELECTED AREA", "SSA"),
    ("END OF SELECTED AREA", "ESA"),
    ("CHARACTER TABULATION SET", "HTS"),
    ("CHARACTER TABULATION WITH JUSTIFICATION", "HTJ"),
    ("LINE TABULATION SET", "VTS"),
    ("PARTIAL LINE FORWARD", "PLD"),
    ("PARTIAL LINE BACKWARD", "PLU"),
    ("REVERSE LINE FEED", "RI"),
    ("SINGLE SHIFT TWO", "SS2"),
    ("SINGLE SHIFT THREE", "SS3"),
    ("DEVICE CONTROL STRING", "DCS"),
    ("PRIVATE USE ONE", "PU1"),
    ("PRIVATE USE TWO", "PU2"),
    ("SET TRANSMIT STATE", "STS"),
    ("CANCEL CHARACTER", "CCH"),
    ("MESSAGE WAITING", "MW"),
    ("START OF GUARDED AREA", "SPA"),
    ("END OF GUARDED AREA", "EPA"),
    ("START OF STRING", "SOS"),
    ("SINGLE GRAPHIC CHARACTER INTRODUCER", "SGC"),
    ("SINGLE CHARACTER INTRODUCER", "SCI"),
    ("CONTROL SEQUENCE INTRODUCER", "CSI"),
    ("STRING TERMINATOR", "ST"),
    ("OPERATING SYSTEM COMMAND", "OSC"),
    ("PRIVACY MESSAGE", "PM"),
    ("APPLICATION PROGRAM COMMAND", "APC"),
];

/// The Unicode name (for controls, the name alias) of a character [`hidden`] knows, and of
/// the other invisible formatting characters [`escaped`] shows.
pub fn name(c: char) -> Option<Cow<'static, str>> {
    let code = c as u32;
    let control = |(name, abbr): (&str, &str)| Cow::Owned(format!("{name} ({abbr})"));
    Some(match code {
        0x00..=0x1F => control(C0[code as usize]),
        0x7F => control(("DELETE", "DEL")),
        0x80..=0x9F => control(C1[code as usize - 0x80]),
        _ => Cow::Borrowed(match c {
            '\u{061C}' => "ARABIC LETTER MARK",
            '\u{200B}' => "ZERO WIDTH SPACE",
            '\u{200C}' => "ZERO WIDTH NON-JOINER",
            '\u{200D}' => "ZERO WIDTH JOINER",
            '\u{200E}' => "LEFT-TO-RIGHT MARK",
            '\u{200F}' => "RIGHT-TO-LEFT MARK",
            '\u{2028}' => "LINE SEPARATOR",
            '\u{2029}' => "PARAGRAPH SEPARATOR",
            '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
            '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
            '\u{202C}' => "POP DIRECTIONAL FORMATTING",
            '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
            '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
            '\u{2060}' => "WORD JOINER",
            '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
            '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
            '\u{2068}' => "FIRST STRONG ISOLATE",
            '\u{2069}' => "POP DIRECTIONAL ISOLATE",
            '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
            _ => return None,
        }),
    })
}

/// `U+202E RIGHT-TO-LEFT OVERRIDE`: how a message names a character.
pub fn describe(c: char) -> String {
    match name(c) {
        Some(name) => format!("U+{:04X} {name}", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// How a terminal is shown `c`: `<U+001B>` for a control or invisible formatting character
/// (tab stays a tab, so a caret under it lines up), `None` to print it as it is.
pub fn escape(c: char) -> Option<String> {
    let invisible = c != '\t' && (c.is_control() || name(c).is_some());
    invisible.then(|| format!("<U+{:04X}>", c as u32))
}

/// `text` with every character [`escape`] names written out, so printing it can never move
/// the cursor, ring a bell, end a C string or reorder the line.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| escape(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match escape(c) {
            Some(e) => out.push_str(&e),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_lists() {
        assert_eq!(hidden('\t'), None);
        assert_eq!(hidden('\n'), None);
        assert_eq!(hidden('a'), None);
        assert_eq!(hidden('熊'), None);
        for c in ['\0', '\u{7}', '\u{1B}', '\r', '\u{7F}', '\u{85}', '\u{9B}'] {
            assert_eq!(hidden(c), Some(Hidden::Control), "{c:?}");
        }
        for c in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            assert_eq!(hidden(c), Some(Hidden::Bidi), "{c:?}");
        }
        for c in ['\u{200B}', '\u{200D}', '\u{2060}', '\u{FEFF}'] {
            assert_eq!(hidden(c), Some(Hidden::ZeroWidth), "{c:?}");
        }
        // Marks and separators are not refused in content, only escaped on a terminal.
        assert_eq!(hidden('\u{200E}'), None);
        assert_eq!(hidden('\u{2028}'), None);
    }

    #[test]
    fn every_refused_character_has_a_name() {
        let refused = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| hidden(*c).is_some());
        for c in refused {
            assert!(name(c).is_some(), "{c:?} has no name");
        }
        assert_eq!(describe('\u{202E}'), "U+202E RIGHT-TO-LEFT OVERRIDE");
        assert_eq!(describe('\u{1B}'), "U+001B ESCAPE (ESC)");
        assert_eq!(describe('\0'), "U+0000 NULL (NUL)");
        assert_eq!(
            describe('\u{9B}'),
            "U+009B CONTROL SEQUENCE INTRODUCER (CSI)"
        );
        assert_eq!(describe('\u{FEFF}'), "U+FEFF ZERO WIDTH NO-BREAK SPACE");
    }

    #[test]
    fn terminals_get_no_raw_controls_or_overrides() {
        let text = "a\u{1B}[31mb\0c\u{202E}d\u{200B}e\tf\u{7}";
        let shown = escaped(text);
        assert_eq!(
            shown,
            "a<U+001B>[31mb<U+0000>c<U+202E>d<U+200B>e\tf<U+0007>"
        );
        assert!(shown
            .chars()
            .all(|c| c == '\t' || !(c.is_control() || name(c).is_some())));
        assert!(matches!(escaped("熊本 plain"), Cow::Borrowed(_)));
    }
}
