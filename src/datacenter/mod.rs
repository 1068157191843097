//! Vendors' datacenter public certificates: the catalog (data, not code), the download, and
//! the checks a downloaded file must pass before it is saved.

use anyhow::{Result, bail};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{runtime, usage};
use crate::pki::cert::{CertInfo, parse_der};

pub mod api;
mod fetch;

pub use fetch::{FetchError, Fetcher};

const BUILT_IN: &str = include_str!("catalog.json");

#[derive(Debug, Clone, Deserialize)]
pub struct Catalog {
    #[serde(default)]
    pub vendor: Option<String>,
    pub base_url: String,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub year: i32,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// Relative to the base URL.
    pub path: String,
    /// Lowercase hex SHA-256 of the certificate (DER), when the catalog pins it.
    #[serde(default)]
    pub sha256: Option<String>,
}

impl Entry {
    pub fn not_after(&self) -> DateTime<Utc> {
        self.valid_to
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
    }

    /// The name a download is saved under: the catalog path's last segment when it is a plain
    /// file name, else `<id>-<year>.pem` with anything but letters, digits, '.', '_' and '-'
    /// replaced, so that no catalog can name a file outside the output directory.
    pub fn file_name(&self) -> String {
        let plain = |name: &str| {
            !name.is_empty()
                && !name.starts_with('.')
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        };
        match self.path.rsplit('/').next() {
            Some(name) if plain(name) => name.to_string(),
            _ => {
                let id: String = self
                    .id
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                format!("{id}-{}.pem", self.year)
            }
        }
    }

    /// The entry's URL: its path joined onto `base` (never concatenated), and refused when the
    /// result leaves the base's scheme, host and port.
    pub fn url(&self, base: &str) -> Result<String> {
        let root = url::Url::parse(&format!("{}/", base.trim_end_matches('/')))
            .map_err(|e| usage(format!("'{base}' is not a URL: {e}")))?;
        let url = root.join(self.path.trim_start_matches('/')).map_err(|e| {
            usage(format!(
                "the catalog path '{}' is not a URL path: {e}",
                self.path
            ))
        })?;
        if !same_origin(&url, &root) || !url.username().is_empty() {
            bail!(usage(format!(
                "the catalog path '{}' leads away from {base}: refusing to contact {url}",
                self.path
            )));
        }
        Ok(url.to_string())
    }
}

/// Whether two URLs have one scheme, host and port (what may be contacted with one's trust).
pub fn same_origin(a: &url::Url, b: &url::Url) -> bool {
    let origin = |u: &url::Url| {
        (
            u.scheme().to_string(),
            u.host_str().map(str::to_string),
            u.port_or_known_default(),
        )
    };
    origin(a) == origin(b)
}

impl Catalog {
    /// Whose certificates these are: the catalog's vendor, else its base URL's host.
    pub fn vendor(&self) -> String {
        self.vendor.clone().unwrap_or_else(|| {
            url::Url::parse(&self.base_url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_else(|| self.base_url.clone())
        })
    }

    pub fn built_in() -> Catalog {
        serde_json::from_str(BUILT_IN).expect("the built-in catalog is valid JSON")
    }

    pub fn parse(text: &[u8], what: &str) -> Result<Catalog> {
        let catalog: Catalog = serde_json::from_slice(text)
            .map_err(|e| usage(format!("{what} is not a datacenter catalog: {e}")))?;
        if catalog.entries.is_empty() {
            bail!(usage(format!("{what} has no entries")));
        }
        // Ids and names reach terminals, logs and the state: no control characters there.
        for entry in &catalog.entries {
            for text in [&entry.id, &entry.name, &entry.path] {
                if text.chars().any(char::is_control) || text.is_empty() {
                    bail!(usage(format!(
                        "{what} has an entry with an empty field or control characters: {}",
                        crate::text::escape_untrusted(text)
                    )));
                }
            }
        }
        Ok(catalog)
    }

    /// The newest year an id is published for.
    pub fn newest_year(&self, id: &str) -> Option<i32> {
        self.entries
            .iter()
            .filter(|e| e.id == id)
            .map(|e| e.year)
            .max()
    }

    /// The entries a download names: one id or `all`, in `year` or each id's newest year.
    pub fn select(&self, id: &str, year: Option<i32>) -> Result<Vec<&Entry>> {
        let mut known: Vec<&str> = self.entries.iter().map(|e| e.id.as_str()).collect();
        known.sort();
        known.dedup();
        let ids: Vec<&str> = if id == "all" { known.clone() } else { vec![id] };
        let mut chosen = Vec::new();
        for id in ids {
            let year = match year.or_else(|| self.newest_year(id)) {
                Some(year) => year,
                None => {
                    bail!(
                        usage(format!("there is no datacenter '{id}'")).hint(format!(
                            "known: {}, or all ('mtlsctl datacenter list')",
                            known.join(", ")
                        ))
                    );
                }
            };
            match self.entries.iter().find(|e| e.id == id && e.year == year) {
                Some(entry) => chosen.push(entry),
                None if self.entries.iter().any(|e| e.id == id) => bail!(
                    usage(format!("the catalog has no {year} certificate for '{id}'"))
                        .hint("see the years with 'mtlsctl datacenter list'")
                ),
                None => continue,
            }
        }
        if chosen.is_empty() {
            bail!(usage(format!(
                "the catalog has no certificates for {}",
                year.map(|y| y.to_string()).unwrap_or_default()
            )));
        }
        Ok(chosen)
    }
}

/// A downloaded certificate that passed every check.
pub struct Verified {
    /// The certificate alone, as PEM: text the file had around it is not kept.
    pub bytes: Vec<u8>,
    pub info: CertInfo,
}

/// The checks before anything is saved: exactly one PEM certificate (no key, no HTML page), it
/// parses, its validity is the catalog's window (unless allowed to differ), and it matches the
/// catalog's pin when there is one.
/// The one PEM certificate a download must be: not an HTML page, never a key, exactly one
/// block. Returns its DER.
fn the_one_certificate(body: &[u8], url: &str) -> Result<Vec<u8>> {
    let text = String::from_utf8_lossy(body);
    let lower = text.to_ascii_lowercase();
    if lower.contains("<html") || lower.contains("<!doctype") {
        bail!(
            runtime(format!("{url} sent an HTML page, not a certificate")).hint(
                "the URL is probably wrong or the page moved: check --base-url or the catalog"
            )
        );
    }
    if text.contains("PRIVATE KEY-----") {
        bail!(
            runtime(format!(
                "{url} sent a file that holds a private key: refusing to save it"
            ))
            .hint("a datacenter's public certificate never comes with its key; tell the vendor")
        );
    }
    if !text.contains("-----BEGIN ") {
        bail!(runtime(format!(
            "{url} did not send a PEM certificate ({} bytes of something else)",
            body.len()
        )));
    }
    let blocks = crate::pki::pem_blocks(body).map_err(|damage| {
        runtime(format!("the file from {url} {damage}")).hint("try the download again")
    })?;
    let certs: Vec<&pem::Pem> = blocks.iter().filter(|b| b.tag() == "CERTIFICATE").collect();
    if blocks.len() != 1 || certs.len() != 1 {
        let tags: Vec<&str> = blocks.iter().map(|b| b.tag()).collect();
        bail!(runtime(format!(
            "{url} sent {} PEM blocks ({}); exactly one certificate was expected",
            blocks.len(),
            tags.join(", ")
        )));
    }
    Ok(certs[0].contents().to_vec())
}

pub fn verify(body: &[u8], entry: &Entry, url: &str, allow_mismatch: bool) -> Result<Verified> {
    let der = the_one_certificate(body, url)?;
    parse_der(&der)
        .map_err(|e| runtime(format!("the certificate from {url} does not parse: {e:#}")))?;
    let info = CertInfo::from_der(&der)?;
    let (from, to) = (info.not_before.date_naive(), info.not_after.date_naive());
    let close = |a: NaiveDate, b: NaiveDate| (a - b).num_days().abs() <= 1;
    let matches_window = close(from, entry.valid_from) && close(to, entry.valid_to);
    if !matches_window && !allow_mismatch {
        bail!(runtime(format!(
            "the certificate from {url} is valid {from} to {to}, but the catalog publishes {} to {} for {} {}",
            entry.valid_from, entry.valid_to, entry.id, entry.year
        ))
        .hint("this may not be the certificate you want; pass --allow-mismatch to save it anyway"));
    }
    if let Some(pin) = &entry.sha256
        && !pin.eq_ignore_ascii_case(&info.sha256)
    {
        bail!(
            runtime(format!(
                "the certificate from {url} has SHA-256 {}, but the catalog pins {pin}",
                info.sha256
            ))
            .hint("do not upload it: the file is not the one the vendor published")
        );
    }
    Ok(Verified {
        bytes: crate::pki::pem_lf("CERTIFICATE", &der).into_bytes(),
        info,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_catalog_has_the_six_published_entries() {
        let catalog = Catalog::built_in();
        assert_eq!(catalog.entries.len(), 6);
        assert_eq!(catalog.newest_year("us"), Some(2026));
        let azure = catalog.select("azure", Some(2025)).unwrap();
        assert_eq!(azure[0].valid_to.to_string(), "2025-11-25");
        assert_eq!(catalog.select("all", None).unwrap().len(), 3);
        assert!(catalog.select("mars", None).is_err());
        assert!(catalog.select("us", Some(2019)).is_err());
    }
}
