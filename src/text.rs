//! Text from outside (certificate fields, headers, paths, server messages) made safe to show.

/// Control characters (C0, DEL, C1) as `\xNN`, so that untrusted text cannot move a terminal's
/// cursor, set its clipboard or forge log lines.
pub fn escape_untrusted(text: &str) -> String {
    if !text.chars().any(is_control) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A moment as tables and messages show it: `2026-11-22 17:14 UTC`.
pub fn short_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Control characters, and the invisible marks that reorder or hide text (bidirectional
/// overrides and isolates, zero-width marks): a name must read as it is.
fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// A stretch of time as people say it: whole days, or hours, or minutes under a day.
pub fn span(duration: chrono::Duration) -> String {
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    if duration.num_days() >= 1 {
        plural(duration.num_days(), "day")
    } else if duration.num_hours() >= 1 {
        plural(duration.num_hours(), "hour")
    } else if duration.num_minutes() >= 1 {
        plural(duration.num_minutes(), "minute")
    } else {
        "less than a minute".to_string()
    }
}

/// "expires in 3 days", or "expired 5 minutes ago".
pub fn expires_phrase(
    not_after: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let left = not_after - now;
    if left > chrono::Duration::zero() {
        format!("expires in {}", span(left))
    } else {
        format!("expired {} ago", span(-left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        assert_eq!(escape_untrusted("CN=é ok"), "CN=é ok");
        assert_eq!(
            escape_untrusted("a\x1b]52;c;X\x07\r\n\u{9b}"),
            "a\\x1b]52;c;X\\x07\\x0d\\x0a\\x9b"
        );
    }
}
