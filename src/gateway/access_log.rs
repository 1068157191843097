//! The access log: one line per request and per refused handshake, written by a thread of its
//! own behind a bounded queue, so that a slow or closed reader never stops or slows serving. A
//! full queue drops lines and counts them; a closed log is reported once on stderr.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};

use chrono::Utc;
use serde::Serialize;

use crate::model::LogFormat;
use crate::text::escape_untrusted;

/// Lines waiting for the writer before new ones are dropped.
const QUEUE: usize = 8192;

#[derive(Clone)]
pub struct AccessLog {
    format: LogFormat,
    queue: Option<SyncSender<String>>,
    dropped: Arc<AtomicU64>,
}

/// What one answered request puts in the log.
#[derive(Serialize)]
pub struct RequestLine<'a> {
    pub remote: SocketAddr,
    pub method: &'a str,
    pub path: &'a str,
    pub protocol: &'a str,
    pub status: u16,
    pub bytes: u64,
    pub ssl_client_verify: &'a str,
    pub ssl_client_s_dn: &'a str,
    pub rules_matched: &'a [String],
    pub denied_by: Option<&'a str>,
    pub duration_ms: f64,
}

/// What one refused connection puts in the log (nginx's error log line for the same event).
#[derive(Serialize)]
pub struct RefusedLine<'a> {
    pub remote: SocketAddr,
    pub sni: Option<&'a str>,
    pub refused: &'a str,
}

impl AccessLog {
    pub fn start(format: LogFormat) -> AccessLog {
        let dropped = Arc::new(AtomicU64::new(0));
        let queue = (format != LogFormat::Off).then(|| {
            let (sender, receiver) = sync_channel(QUEUE);
            let counter = dropped.clone();
            std::thread::Builder::new()
                .name("access-log".into())
                .spawn(move || write_lines(receiver, counter))
                .map(|_| sender)
                .ok()
        });
        AccessLog {
            format,
            queue: queue.flatten(),
            dropped,
        }
    }

    // A log line's time is when it happened, so the log reads the real clock (Utc::now), not
    // MTLSCTL_NOW: that clock answers what is valid when, and stays the verifier's.
    pub fn request(&self, line: &RequestLine<'_>) {
        let text = match self.format {
            LogFormat::Off => return,
            LogFormat::Json => json_line(line),
            LogFormat::Text => format!(
                "{} [{}] \"{} {} {}\" {} {} verify={} dn=\"{}\" rule={} {:.2}ms",
                line.remote.ip(),
                Utc::now().format("%d/%b/%Y:%H:%M:%S %z"),
                escape_untrusted(line.method),
                quoted(line.path),
                line.protocol,
                line.status,
                line.bytes,
                escape_untrusted(line.ssl_client_verify),
                quoted(line.ssl_client_s_dn),
                escape_untrusted(line.denied_by.unwrap_or("-")),
                line.duration_ms,
            ),
        };
        self.push(text);
    }

    pub fn refused(&self, line: &RefusedLine<'_>) {
        let text = match self.format {
            LogFormat::Off => return,
            LogFormat::Json => json_line(line),
            LogFormat::Text => format!(
                "{} [{}] refused handshake sni={} reason=\"{}\"",
                line.remote.ip(),
                Utc::now().format("%d/%b/%Y:%H:%M:%S %z"),
                escape_untrusted(line.sni.unwrap_or("-")),
                quoted(line.refused),
            ),
        };
        self.push(text);
    }

    fn push(&self, line: String) {
        let Some(queue) = &self.queue else { return };
        match queue.try_send(line) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                self.dropped.fetch_add(1, Ordering::Relaxed);
            }
            // The writer stopped (the log was closed and said so): nothing more to do.
            Err(TrySendError::Disconnected(_)) => {}
        }
    }
}

fn json_line<T: Serialize>(line: &T) -> String {
    let mut value = serde_json::to_value(line).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("time".into(), serde_json::json!(Utc::now()));
    }
    value.to_string()
}

/// Escaped for a terminal, and `"` escaped so that a quoted field cannot be closed early.
fn quoted(text: &str) -> String {
    escape_untrusted(text).replace('"', "\\x22")
}

fn write_lines(receiver: Receiver<String>, dropped: Arc<AtomicU64>) {
    let mut stdout = std::io::stdout().lock();
    let mut reported = 0;
    while let Ok(first) = receiver.recv() {
        let lost = dropped.load(Ordering::Relaxed);
        if lost > reported {
            eprintln!(
                "mtlsctl: warning: the access log reader is slow: {lost} lines dropped so far"
            );
            reported = lost;
        }
        // Write what is queued, then flush once: a burst costs one write call.
        let mut written = writeln!(stdout, "{first}");
        while written.is_ok()
            && let Ok(line) = receiver.try_recv()
        {
            written = writeln!(stdout, "{line}");
        }
        if let Err(e) = written.and_then(|()| stdout.flush()) {
            eprintln!(
                "mtlsctl: warning: the access log cannot be written ({e}); logging stops, serving goes on"
            );
            // Dropping the receiver makes every later line a no-op for the workers.
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_cannot_be_closed_or_carry_controls() {
        assert_eq!(quoted("/a\"b"), "/a\\x22b");
        assert_eq!(quoted("CN=x\n1.2.3.4 forged"), "CN=x\\x0a1.2.3.4 forged");
    }
}
