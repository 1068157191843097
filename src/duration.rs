//! Human durations as flags take them: `90d`, `12w`, `1y`, `36h`, `30s`.

use std::fmt;
use std::str::FromStr;

use chrono::Duration;

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
}
