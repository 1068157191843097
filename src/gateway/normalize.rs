//! What a request names, in the one form the rules and the upstream both see: host names
//! compared as host names, and the path normalised once.

/// A host name as a comparison sees it: lowercase, no port, no trailing dot, no IPv6 brackets.
pub fn host(raw: &str) -> String {
    let without_port = if let Some(rest) = raw.strip_prefix('[') {
        rest.split(']').next().unwrap_or(rest)
    } else {
        match raw.rsplit_once(':') {
            Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
            _ => raw,
        }
    };
    // One trailing dot is the root label; `api.test..` is another (invalid) name.
    without_port
        .strip_suffix('.')
        .unwrap_or(without_port)
        .to_ascii_lowercase()
}

/// Why a path is refused (400).
#[derive(Debug, PartialEq, Eq)]
pub struct Ambiguous(pub &'static str);

/// The path as the upstream receives it: unreserved characters percent-decoded, other escapes
/// in uppercase, `//` merged, `.` and `..` resolved (as nginx's `merge_slashes` and URI
/// normalisation do). Refused: an encoded `/` or `\`, a NUL, a bad escape, a `..` above the
/// root, a path that does not start with `/`.
pub fn path(raw: &str) -> Result<String, Ambiguous> {
    if !raw.starts_with('/') {
        return Err(Ambiguous("the path does not start with '/'"));
    }
    let mut segments: Vec<String> = Vec::new();
    let parts: Vec<&str> = raw[1..].split('/').collect();
    let last = parts.len() - 1;
    let mut trailing_slash = false;
    for (i, part) in parts.iter().enumerate() {
        let segment = decode_segment(part)?;
        // `..;x` is `..` to servers that strip path parameters (Tomcat, Spring).
        if matches!(segment.split(';').next(), Some("." | "..")) && segment.contains(';') {
            return Err(Ambiguous("the path has a dot segment with parameters"));
        }
        match segment.as_str() {
            "" => trailing_slash = i == last,
            "." => trailing_slash = i == last,
            ".." => {
                if segments.pop().is_none() {
                    return Err(Ambiguous("the path climbs above '/'"));
                }
                trailing_slash = i == last;
            }
            _ => {
                segments.push(segment);
                trailing_slash = false;
            }
        }
    }
    if !decodes_to_utf8(&segments) {
        return Err(Ambiguous("the path's %-escapes do not decode to UTF-8"));
    }
    let mut out = String::with_capacity(raw.len());
    for segment in &segments {
        out.push('/');
        out.push_str(segment);
    }
    if segments.is_empty() || trailing_slash {
        out.push('/');
    }
    Ok(out)
}

/// Whether every %-escape left decodes, with the text around it, to valid UTF-8 (overlong
/// forms such as `%C0%AE` for `.` do not, and lenient decoders upstream would read them).
fn decodes_to_utf8(segments: &[String]) -> bool {
    segments.iter().all(|segment| {
        let mut bytes = Vec::with_capacity(segment.len());
        let raw = segment.as_bytes();
        let mut i = 0;
        while i < raw.len() {
            let escaped = (raw[i] == b'%')
                .then(|| raw.get(i + 1..i + 3))
                .flatten()
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match escaped {
                Some(byte) => {
                    bytes.push(byte);
                    i += 3;
                }
                None => {
                    bytes.push(raw[i]);
                    i += 1;
                }
            }
        }
        String::from_utf8(bytes).is_ok()
    })
}

fn decode_segment(part: &str) -> Result<String, Ambiguous> {
    let bytes = part.as_bytes();
    let mut out = String::with_capacity(part.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let value = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or(Ambiguous("the path has a malformed %-escape"))?;
                match value {
                    b'/' | b'\\' => return Err(Ambiguous("the path has an encoded '/' or '\\'")),
                    0 => return Err(Ambiguous("the path has an encoded NUL")),
                    v if v.is_ascii_alphanumeric() || matches!(v, b'-' | b'.' | b'_' | b'~') => {
                        out.push(v as char)
                    }
                    v => out.push_str(&format!("%{v:02X}")),
                }
                i += 3;
            }
            b'\\' => return Err(Ambiguous("the path has a '\\'")),
            _ => {
                let ch = part[i..].chars().next().unwrap_or('\u{fffd}');
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_compare_as_host_names() {
        for raw in [
            "api.example.com",
            "API.EXAMPLE.COM",
            "api.example.com.",
            "api.example.com:8443",
            "Api.Example.Com.:443",
        ] {
            assert_eq!(host(raw), "api.example.com", "{raw}");
        }
        assert_eq!(host("[::1]:8443"), "::1");
        assert_eq!(host("127.0.0.1:1"), "127.0.0.1");
        assert_eq!(host("api.example.com.."), "api.example.com.");
    }

    #[test]
    fn paths_are_normalised_once_and_ambiguity_refused() {
        let cases = [
            ("/", "/"),
            ("/admin", "/admin"),
            ("/x/../admin", "/admin"),
            ("/%61dmin", "/admin"),
            ("//admin", "/admin"),
            ("/admin/../x", "/x"),
            ("/a/./b/", "/a/b/"),
            ("/a/b/..", "/a/"),
            ("/a/%2e%2E/b", "/b"),
            ("/a%20b/%7e", "/a%20b/~"),
            ("/a%3fb", "/a%3Fb"),
            ("/é", "/é"),
            ("/%C3%A9", "/%C3%A9"),
            ("/a;b/c", "/a;b/c"),
        ];
        for (raw, want) in cases {
            assert_eq!(path(raw).as_deref(), Ok(want), "{raw}");
        }
        for raw in [
            "/admin%2f..",
            "/admin%2F",
            "/a%5cb",
            "/a\\b",
            "/%00",
            "/%zz",
            "/%4",
            "/..",
            "/a/../..",
            "*",
            "/x/..;/admin",
            "/x/.;a/admin",
            "/%c0%ae%c0%ae/admin",
            "/%ff",
        ] {
            assert!(path(raw).is_err(), "{raw}");
        }
    }
}
