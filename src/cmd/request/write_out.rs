//! curl's --write-out (-w): its common variables, also when the transfer failed.

use super::*;

/// curl's --write-out: the common variables, `\n` and `\t`.
pub(super) fn write_out(
    format: &str,
    response: &http::Response,
    url: &str,
    redirects: u32,
) -> String {
    let t = &response.timings;
    let version = match response.version {
        hyper::Version::HTTP_2 => "2",
        hyper::Version::HTTP_10 => "1.0",
        _ => "1.1",
    };
    let content_type = response
        .headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(escape_untrusted)
        .unwrap_or_default();
    fill_write_out(
        format,
        &[
            ("http_code", format!("{:03}", response.status.as_u16())),
            ("response_code", format!("{:03}", response.status.as_u16())),
            ("time_namelookup", format!("{:.6}", t.dns)),
            ("time_connect", format!("{:.6}", t.connect)),
            ("time_appconnect", format!("{:.6}", t.tls)),
            ("time_starttransfer", format!("{:.6}", t.first_byte)),
            ("time_total", format!("{:.6}", t.total)),
            ("size_download", response.size.to_string()),
            ("url_effective", url.to_string()),
            ("remote_ip", response.peer.ip().to_string()),
            ("remote_port", response.peer.port().to_string()),
            ("http_version", version.to_string()),
            ("content_type", content_type),
            ("num_redirects", redirects.to_string()),
        ],
    )
}

/// -w when the transfer failed, as curl prints it: status 000, no times.
pub(super) fn write_out_failed(format: &str, url: &str) -> String {
    let zero = || "0.000000".to_string();
    fill_write_out(
        format,
        &[
            ("http_code", "000".into()),
            ("response_code", "000".into()),
            ("time_namelookup", zero()),
            ("time_connect", zero()),
            ("time_appconnect", zero()),
            ("time_starttransfer", zero()),
            ("time_total", zero()),
            ("size_download", "0".into()),
            ("url_effective", url.to_string()),
            ("remote_ip", String::new()),
            ("remote_port", String::new()),
            ("http_version", "0".into()),
            ("content_type", String::new()),
            ("num_redirects", "0".into()),
        ],
    )
}

/// curl's -w text: `%{name}` filled in, `%%` a percent sign, `\n`, `\r`, `\t` escapes;
/// an unknown variable is left out.
pub(super) fn fill_write_out(format: &str, values: &[(&str, String)]) -> String {
    let mut out = String::new();
    let mut rest = format;
    while let Some(at) = rest.find(['%', '\\']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let (text, used) = if let Some(inner) = tail.strip_prefix("%{") {
            match inner.split_once('}') {
                Some((name, _)) => (
                    values
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default(),
                    name.len() + 3,
                ),
                None => (tail.to_string(), tail.len()),
            }
        } else {
            match tail.get(..2) {
                Some("%%") => ("%".into(), 2),
                Some("\\n") => ("\n".into(), 2),
                Some("\\r") => ("\r".into(), 2),
                Some("\\t") => ("\t".into(), 2),
                _ => (tail[..1].to_string(), 1),
            }
        };
        out.push_str(&text);
        rest = &tail[used..];
    }
    out.push_str(rest);
    out
}
