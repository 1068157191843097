//! Human durations as flags take them: `90d`, `12w`, `1y`, `36h`, `30s`.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};

/// A positive duration written as a number and a unit (ms, s, m, h, d, w, y; y = 365 days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanDuration {
    text_value: i64,
    unit: char,
}

impl HumanDuration {
    pub fn duration(self) -> Duration {
        let millis_per_unit = match self.unit {
            'u' => 1,
            's' => 1_000,
            'm' => 60_000,
            'h' => 3_600_000,
            'd' => 86_400_000,
            'w' => 7 * 86_400_000,
            _ => 365 * 86_400_000,
        };
        Duration::milliseconds(self.text_value * millis_per_unit)
    }

    pub fn std(self) -> std::time::Duration {
        self.duration().to_std().unwrap_or_default()
    }
}

impl FromStr for HumanDuration {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let split = text.find(|c: char| !c.is_ascii_digit()).ok_or_else(|| {
            format!("'{text}' has no unit: write it like 90d, 12w, 1y, 36h or 30s")
        })?;
        let (number, unit) = text.split_at(split);
        if number.is_empty() {
            return Err(format!(
                "'{text}' is not a duration: write a positive number and a unit, like 90d, 12w or 1y"
            ));
        }
        let unit = match unit {
            "ms" => 'u',
            "s" | "sec" | "secs" | "second" | "seconds" => 's',
            "m" | "min" | "mins" | "minute" | "minutes" => 'm',
            "h" | "hour" | "hours" => 'h',
            "d" | "day" | "days" => 'd',
            "w" | "week" | "weeks" => 'w',
            "y" | "year" | "years" => 'y',
            _ => {
                return Err(format!(
                    "'{text}' has an unknown unit '{unit}': use ms, s, m, h, d, w or y"
                ));
            }
        };
        let value: i64 = number
            .parse()
            .ok()
            .filter(|v| *v <= 1_000_000)
            .ok_or_else(|| format!("'{text}' is too large"))?;
        if value == 0 {
            return Err(format!("'{text}' is zero: a duration must be positive"));
        }
        Ok(HumanDuration {
            text_value: value,
            unit,
        })
    }
}

impl fmt::Display for HumanDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            'u' => write!(f, "{}ms", self.text_value),
            unit => write!(f, "{}{unit}", self.text_value),
        }
    }
}

/// When a certificate is due: within a time before it expires (`30d`, or a bare number of
/// days as monitoring plugins take it: `-w 30`), or once a share of its lifetime is spent
/// (`66%`, as step's `needs-renewal`: two thirds of the way from not-before to not-after).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    Before(HumanDuration),
    /// Percent of the lifetime spent, 1 to 100.
    Spent(u8),
}

impl Threshold {
    /// Whether a certificate valid from `not_before` (when known) to `not_after` is due at
    /// `now`. A share of a lifetime needs its start: without one, the threshold is the same
    /// share of a year before the end, never silently nothing.
    pub fn reached(
        self,
        not_before: Option<DateTime<Utc>>,
        not_after: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        not_after - now <= self.before_expiry(not_before, not_after)
    }

    /// How long before `not_after` the threshold falls.
    pub fn before_expiry(
        self,
        not_before: Option<DateTime<Utc>>,
        not_after: DateTime<Utc>,
    ) -> Duration {
        match self {
            Threshold::Before(duration) => duration.duration(),
            Threshold::Spent(percent) => {
                let lifetime = not_before
                    .map(|start| not_after - start)
                    .filter(|lifetime| *lifetime > Duration::zero())
                    .unwrap_or_else(|| Duration::days(365));
                Duration::milliseconds(lifetime.num_milliseconds() / 100 * i64::from(100 - percent))
            }
        }
    }
}

impl FromStr for Threshold {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if let Some(number) = text.strip_suffix('%') {
            return number
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| (1..=100).contains(p))
                .map(Threshold::Spent)
                .ok_or_else(|| {
                    format!(
                        "'{text}' is not a share of the lifetime: write a whole percent from 1% to 100% (66% = two thirds of the lifetime spent)"
                    )
                });
        }
        if text.starts_with('-') {
            return Err(format!(
                "'{text}' is negative: write how long before expiry, like 30d (or 30 for days, or 66% of the lifetime spent)"
            ));
        }
        // A bare number is days, as check_ssl_cert takes `-w 30`.
        let with_unit = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            format!("{text}d")
        } else {
            text.to_string()
        };
        with_unit.parse().map(Threshold::Before)
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Threshold::Before(duration) => write!(f, "{duration}"),
            Threshold::Spent(percent) => write!(f, "{percent}%"),
        }
    }
}

/// A certificate validity: whole days, from 1 day to 100 years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity {
    days: i64,
}

impl Validity {
    pub const MAX_DAYS: i64 = 36_500;

    pub fn from_days(days: i64) -> Self {
        Validity { days }
    }

    pub fn days(self) -> i64 {
        self.days
    }

    pub fn duration(self) -> Duration {
        Duration::days(self.days)
    }
}

impl FromStr for Validity {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let duration = HumanDuration::from_str(text)?.duration();
        if duration.num_seconds() % 86_400 != 0 {
            return Err(format!(
                "'{text}' is not a whole number of days: certificate validity is counted in days (90d, 12w, 1y)"
            ));
        }
        let days = duration.num_days();
        if days > Self::MAX_DAYS {
            return Err(format!(
                "'{text}' is longer than the 100 years a certificate may be valid for"
            ));
        }
        Ok(Validity { days })
    }
}

impl fmt::Display for Validity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}d", self.days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_units_flags_use() {
        assert_eq!("90d".parse::<Validity>().unwrap().days(), 90);
        assert_eq!("12w".parse::<Validity>().unwrap().days(), 84);
        assert_eq!("1y".parse::<Validity>().unwrap().days(), 365);
        assert_eq!("397d".parse::<Validity>().unwrap().days(), 397);
        assert_eq!("30s".parse::<HumanDuration>().unwrap().std().as_secs(), 30);
        assert_eq!("2m".parse::<HumanDuration>().unwrap().std().as_secs(), 120);
        assert_eq!(
            "250ms".parse::<HumanDuration>().unwrap().std().as_millis(),
            250
        );
    }

    #[test]
    fn refuses_what_is_not_a_positive_duration() {
        for bad in ["0d", "-5d", "99999y", "d", "5", "5x", "", "1.5d", "36h"] {
            assert!(bad.parse::<Validity>().is_err(), "{bad} was accepted");
        }
        assert!("36h".parse::<HumanDuration>().is_ok());
    }

    #[test]
    fn thresholds_take_days_durations_and_shares_of_the_lifetime() {
        let start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let end = start + Duration::days(300);
        let at = |days| start + Duration::days(days);
        let t = |text: &str| text.parse::<Threshold>().unwrap();
        assert_eq!(t("30"), t("30d"));
        assert!(!t("30").reached(Some(start), end, at(269)));
        assert!(t("30").reached(Some(start), end, at(270)));
        // 66% of 300 days spent = day 198.
        assert!(!t("66%").reached(Some(start), end, at(197)));
        assert!(t("66%").reached(Some(start), end, at(198)));
        assert!(t("100%").reached(Some(start), end, end));
        assert!(!t("100%").reached(Some(start), end, at(299)));
        for bad in ["0%", "101%", "-5", "-5d", "1.5%", "%", "abc", ""] {
            assert!(bad.parse::<Threshold>().is_err(), "{bad} was accepted");
        }
    }
}
