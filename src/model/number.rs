//! Numbers as the handbook prints them: one formatter for pages, charts, data and messages.
//!
//! Values come from YAML as `f64`, and arithmetic on them (gaps, shares, rates per 100,000)
//! leaves float noise (`54.8 - 69.0` is `-14.200000000000003`). Every printed number goes
//! through [`plain`] (at most ten decimals, trailing zeros dropped) or [`grouped`] (the same
//! with thousands separators), so no page prints `0.30000000000000004`.

/// A number without float noise: at most ten decimals, trailing zeros dropped, no
/// thousands separators (`4396`, `54.8`, `-14.2` for `54.8 - 69.0`). Non-finite values give
/// an empty string.
pub fn plain(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let fixed = format!("{v:.10}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    match trimmed {
        "-0" | "" => "0".to_owned(),
        t => t.to_owned(),
    }
}

/// [`plain`] with thousands separators, as pages print numbers (`4,396`, `54.8`, `1,234.5`).
pub fn grouped(v: f64) -> String {
    let plain = plain(v);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    out.push_str(sign);
    let len = int.chars().count();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `v` rounded to what [`plain`] prints: float noise removed, for values that are compared
/// or stored after arithmetic.
pub fn tidy(v: f64) -> f64 {
    plain(v).parse().unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_without_float_noise() {
        assert_eq!(plain(4396.0), "4396");
        assert_eq!(plain(54.8), "54.8");
        assert_eq!(plain(54.8 - 69.0), "-14.2");
        assert_eq!(plain(0.1 + 0.2), "0.3");
        assert_eq!(plain(-0.0), "0");
        assert_eq!(plain(f64::NAN), "");
        assert_eq!(tidy(0.1 + 0.2), 0.3);
    }

    #[test]
    fn numbers_print_with_thousands_separators() {
        assert_eq!(grouped(4396.0), "4,396");
        assert_eq!(grouped(980219.0), "980,219");
        assert_eq!(grouped(1782190.0), "1,782,190");
        assert_eq!(grouped(-434.5), "-434.5");
        assert_eq!(grouped(1234.5), "1,234.5");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(43.0), "43");
        assert_eq!(grouped(0.1 + 0.2), "0.3");
    }
}
