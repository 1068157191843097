//! When a transfer is tried again: one policy for every command that fetches (`request`,
//! `datacenter`), as curl's `--retry` has it: connection failures, timeouts and the statuses
//! that say "later" (408, 429, 500, 502, 503, 504), waiting longer each time, or as long as the
//! server's `Retry-After` asks (within a bound).

use std::time::Duration;

use hyper::HeaderMap;

use super::{Response, Step, TransferError};

/// Statuses worth another try, as curl's --retry has them.
pub const RETRY_STATUSES: [u16; 6] = [408, 429, 500, 502, 503, 504];

/// The longest a server's `Retry-After` is waited for: past it, the wait is this long.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy)]
pub struct Retry {
    /// How many times to try again after the first attempt.
    pub retries: u32,
    /// The wait before the first retry; each further one waits twice as long.
    pub delay: Duration,
}

impl Retry {
    /// Whether attempt `attempt` (0 for the first) is to be tried again, after how long, and
    /// what to tell the user ("the server answered 503 …; retrying in 1.0s (2 of 2 retries
    /// left)").
    pub fn again(
        &self,
        attempt: u32,
        outcome: &Result<Response, TransferError>,
    ) -> Option<(Duration, String)> {
        if attempt >= self.retries {
            return None;
        }
        let (why, asked) = match outcome {
            Ok(response) if RETRY_STATUSES.contains(&response.status.as_u16()) => (
                format!("the server answered {}", response.status),
                retry_after(&response.headers),
            ),
            Err(e) if e.step == Step::Connect || e.timed_out => (e.to_string(), None),
            _ => return None,
        };
        let delay = asked.unwrap_or_else(|| self.delay * 2u32.saturating_pow(attempt));
        let note = format!(
            "{why}; retrying in {:.1}s ({} of {} retries left)",
            delay.as_secs_f64(),
            self.retries - attempt,
            self.retries
        );
        Some((delay, note))
    }
}

/// A `Retry-After` in seconds (the HTTP-date form is read too), at most `MAX_RETRY_AFTER`.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers
        .get(hyper::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    let wait = match text.parse::<u64>() {
        Ok(seconds) => Duration::from_secs(seconds),
        Err(_) => {
            let at = chrono::DateTime::parse_from_rfc2822(text).ok()?;
            // The server's date is judged by the real clock: it is the server's clock too.
            (at.with_timezone(&chrono::Utc) - chrono::Utc::now())
                .to_std()
                .unwrap_or_default()
        }
    };
    Some(wait.min(MAX_RETRY_AFTER))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(hyper::header::RETRY_AFTER, value.parse().unwrap());
        headers
    }

    #[test]
    fn retry_after_is_read_in_seconds_or_as_a_date_and_bounded() {
        assert_eq!(retry_after(&headers("3")), Some(Duration::from_secs(3)));
        assert_eq!(retry_after(&headers("86400")), Some(MAX_RETRY_AFTER));
        assert_eq!(
            retry_after(&headers("Wed, 21 Oct 2015 07:28:00 GMT")),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers("soon")), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }
}
