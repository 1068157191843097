//! The vendor's mTLS Service API: an OAuth client-credentials token, every page of the
//! public-certificate list, and each certificate checked against what the API says of it.
//! Neither the client secret nor the token is ever put in a message: both are `Secret`s, and
//! text that comes back from the vendor is redacted of them before it is shown.

use std::collections::HashSet;

use anyhow::{Result, anyhow};
use chrono::{DateTime, Utc};
use hyper::{Method, StatusCode};
use serde::Deserialize;
use serde_json::Value;

use super::{FetchError, Fetcher, Verified, the_one_certificate};
use crate::error::runtime;
use crate::http::Exchange;
use crate::model::Secret;
use crate::pki::cert::{CertInfo, parse_der};
use crate::text::escape_untrusted;

pub const DEFAULT_IMS_URL: &str = "https://ims-na1.adobelogin.com/ims/token/v3";
pub const DEFAULT_API_URL: &str = "https://platform.adobe.io";
/// The scopes the vendor's developer console lists for an Experience Platform credential.
pub const DEFAULT_SCOPE: &str =
    "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session";
pub const DEFAULT_PAGE_SIZE: u32 = 50;
const LIST_PATH: &str = "/data/core/mtls/v1/certificate/public-certificate";
/// Pages read at most: a `next` link that never ends stops here.
pub const MAX_PAGES: u32 = 1000;
/// The most a token or list answer may hold.
pub const MAX_ANSWER: u64 = 16 << 20;

/// Where the API is and who asks.
pub struct Api {
    pub ims_url: String,
    pub api_url: String,
    pub org_id: String,
    pub client_id: String,
    pub scope: String,
    pub page_size: u32,
}

/// What the list said of one certificate.
pub struct Listed {
    /// Where in the list it was, for messages: "page 2, item 1".
    pub place: String,
    pub common_name: String,
    pub pem: String,
    pub expiry: DateTime<Utc>,
    /// The page it was listed on.
    pub page_url: String,
}

impl Listed {
    /// The name messages give it: its common name (escaped) and its place.
    pub fn label(&self) -> String {
        format!("'{}' ({})", escape_untrusted(&self.common_name), self.place)
    }
}

/// Every page of the list: the certificates, and the items that were not certificate entries.
pub struct Listing {
    pub items: Vec<Listed>,
    /// (place, what is wrong) of items without the fields a certificate entry has.
    pub unreadable: Vec<(String, String)>,
}

impl Listing {
    /// Entries read so far, certificates or not.
    fn listed(&self) -> u64 {
        (self.items.len() + self.unreadable.len()) as u64
    }
}

/// The list as read, unless the API said it has more: then nothing can be called gone.
fn complete(listing: Listing, total: Option<u64>) -> Result<Listing, FetchError> {
    match total {
        Some(total) if total > listing.listed() => Err(FetchError::Answer(
            runtime(format!(
                "the API says it has {total} certificates but listed {}: the list is incomplete, so nothing was saved and nothing is called gone",
                listing.listed()
            ))
            .hint("try again later; if it persists, tell the vendor")
            .into(),
        )),
        _ => Ok(listing),
    }
}

/// The token endpoint's answer.
#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    #[serde(default)]
    token_type: Option<String>,
    #[serde(default)]
    expires_in: Option<u64>,
}

/// One page of the list, as far as it is read: the items are judged one by one.
#[derive(Deserialize)]
struct Page {
    results: Vec<Value>,
    #[serde(default)]
    total: Option<u64>,
    #[serde(default, rename = "_links")]
    links: Option<Links>,
}

#[derive(Deserialize)]
struct Links {
    #[serde(default)]
    next: Option<Value>,
}

/// A bearer token and how long it lasts.
pub struct Token {
    pub secret: Secret,
    pub expires_in: Option<u64>,
}

/// Callbacks: `note` for what the user is told (retries), `say` for `-v`.
pub struct Voices<'a> {
    pub note: &'a mut dyn FnMut(&str),
    pub say: &'a mut dyn FnMut(&str),
}

impl Api {
    /// A bearer token for OAuth client credentials.
    pub async fn token(
        &self,
        fetcher: &Fetcher<'_>,
        secret: &Secret,
        voices: &mut Voices<'_>,
    ) -> Result<Token, FetchError> {
        let exchange = self.token_request(secret);
        (voices.say)(&format!(
            "asking {} for a token for client {}",
            self.ims_url,
            escape_untrusted(&self.client_id)
        ));
        let (response, body) = fetcher
            .exchange(&self.ims_url, &exchange, &mut |_, _| {}, voices.note)
            .await?;
        if !response.status.is_success() {
            return Err(FetchError::Answer(self.token_refused(
                response.status,
                &body,
                secret,
            )));
        }
        let answer: TokenAnswer = serde_json::from_slice(&body).map_err(|e| {
            anyhow::Error::from(runtime(format!(
                "the token endpoint {} did not answer with a token: {}",
                self.ims_url,
                not_json(&body, &e)
            )))
        })?;
        let kind = answer.token_type.as_deref().unwrap_or("bearer");
        if !kind.eq_ignore_ascii_case("bearer") || answer.access_token.is_empty() {
            return Err(FetchError::Answer(
                runtime(format!(
                    "the token endpoint {} answered with a '{}' token, not a bearer token",
                    self.ims_url,
                    escape_untrusted(kind)
                ))
                .into(),
            ));
        }
        Ok(Token {
            secret: Secret::new(answer.access_token),
            expires_in: answer.expires_in,
        })
    }

    /// The form posted for a token (the one place the secret is sent).
    fn token_request(&self, secret: &Secret) -> Exchange {
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "client_credentials")
            .append_pair("client_id", &self.client_id)
            .append_pair("client_secret", secret.expose())
            .append_pair("scope", &self.scope)
            .finish();
        Exchange {
            method: Method::POST,
            headers: vec![
                (
                    "content-type".into(),
                    "application/x-www-form-urlencoded".into(),
                ),
                ("accept".into(), "application/json".into()),
            ],
            body: Some(form.into_bytes()),
        }
    }

    /// Why the token endpoint said no, in its words (escaped, the secret redacted).
    fn token_refused(&self, status: StatusCode, body: &[u8], secret: &Secret) -> anyhow::Error {
        let said = vendor_words(body, secret);
        let error = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|v| v.get("error").and_then(Value::as_str).map(str::to_string));
        match (status.as_u16(), error.as_deref()) {
            (400, Some("invalid_scope")) => runtime(format!(
                "the vendor refused the scope '{}' ({status}{said})",
                escape_untrusted(&self.scope)
            ))
            .hint("pass the scopes the credential lists in the vendor's developer console with --scope")
            .into(),
            (400 | 401 | 403, _) => runtime(format!(
                "the vendor refused the client credentials ({status}{said})"
            ))
            .hint("check --client-id and the secret (--client-secret-file or MTLSCTL_CLIENT_SECRET) against the vendor's developer console")
            .into(),
            _ => runtime(format!(
                "the token endpoint {} answered {status}{said}",
                self.ims_url
            ))
            .hint("try again later, or check --ims-url")
            .into(),
        }
    }

    /// The URL of page `number` (the first is 0).
    fn page_url(&self, number: u32) -> String {
        format!(
            "{}{LIST_PATH}?page={number}&limit={}",
            self.api_url.trim_end_matches('/'),
            self.page_size
        )
    }

    /// Every page, following `_links.next` (or the page number while `total` says more), bounded
    /// and never twice to one page.
    pub async fn list(
        &self,
        fetcher: &Fetcher<'_>,
        token: &Token,
        voices: &mut Voices<'_>,
    ) -> Result<Listing, FetchError> {
        let mut listing = Listing {
            items: Vec::new(),
            unreadable: Vec::new(),
        };
        let (mut url, mut seen_urls, mut seen_pems) =
            (self.page_url(0), HashSet::new(), HashSet::new());
        let mut total = None;
        for pages in 1..=MAX_PAGES {
            if !seen_urls.insert(url.clone()) {
                return Err(loop_error(&url));
            }
            (voices.say)(&format!("reading page {pages} of the list: {url}"));
            let page = self.page(fetcher, &url, token, voices).await?;
            let before = listing.items.len();
            read_items(&page.results, pages, &url, &mut listing);
            let new = listing.items[before..]
                .iter()
                .filter(|item| seen_pems.insert(item.pem.clone()))
                .count();
            // Nothing but certificates already read: the same page again (the API ignores `page`).
            if listing.items.len() > before && new == 0 {
                return Err(loop_error(&url));
            }
            total = page.total.or(total);
            match self.next_page(&page, &url, listing.listed(), pages)? {
                Some(next) => url = next,
                None => return complete(listing, total),
            }
        }
        Err(FetchError::Answer(
            runtime(format!(
                "the API's list went on past {MAX_PAGES} pages; stopped without saving anything"
            ))
            .into(),
        ))
    }

    /// The page after this one: the `next` link (its template filled; on the API's own host:
    /// the token goes with it), else the next number while the API's total says more.
    fn next_page(
        &self,
        page: &Page,
        url: &str,
        listed: u64,
        pages: u32,
    ) -> Result<Option<String>, FetchError> {
        let link = page
            .links
            .as_ref()
            .and_then(|l| l.next.as_ref())
            .and_then(|next| match next {
                Value::String(href) => Some(href.clone()),
                Value::Object(o) => o.get("href").and_then(Value::as_str).map(str::to_string),
                _ => None,
            })
            .map(|href| self.expand(&href, pages))
            .filter(|href| !href.trim().is_empty());
        match link {
            Some(href) => self.on_api_host(url, &href).map(Some),
            None if !page.results.is_empty() && page.total.is_some_and(|t| t > listed) => {
                Ok(Some(self.page_url(pages)))
            }
            None => Ok(None),
        }
    }

    /// A templated link (RFC 6570's `{?page,limit}`) with the next page and the page size.
    fn expand(&self, href: &str, next_page: u32) -> String {
        let Some(start) = href.find('{') else {
            return href.to_string();
        };
        let (base, template) = href.split_at(start);
        let names = template
            .trim_start_matches(['{', '?', '&'])
            .trim_end_matches('}');
        let pairs: Vec<String> = names
            .split(',')
            .filter_map(|name| match name.trim() {
                "page" => Some(format!("page={next_page}")),
                "limit" => Some(format!("limit={}", self.page_size)),
                _ => None,
            })
            .collect();
        let joiner = if base.contains('?') { '&' } else { '?' };
        match pairs.is_empty() {
            true => base.to_string(),
            false => format!("{base}{joiner}{}", pairs.join("&")),
        }
    }

    /// `href` joined onto the page it came from, refused when it leaves the API's host.
    fn on_api_host(&self, url: &str, href: &str) -> Result<String, FetchError> {
        let base = url::Url::parse(url).map_err(|e| anyhow!("{url} is not a URL: {e}"))?;
        let next = base.join(href).map_err(|e| {
            anyhow::Error::from(runtime(format!(
                "the API's next link '{}' is not a URL: {e}",
                escape_untrusted(href)
            )))
        })?;
        if !super::same_origin(&next, &base) || !next.username().is_empty() {
            return Err(FetchError::Answer(
                runtime(format!(
                    "the API's next link leads to another server ({}); not followed: the token would go with it",
                    escape_untrusted(next.as_str())
                ))
                .into(),
            ));
        }
        Ok(next.to_string())
    }

    /// One page: asked with the token, judged by its status, read as JSON.
    async fn page(
        &self,
        fetcher: &Fetcher<'_>,
        url: &str,
        token: &Token,
        voices: &mut Voices<'_>,
    ) -> Result<Page, FetchError> {
        let exchange = Exchange {
            method: Method::GET,
            headers: vec![
                (
                    "authorization".into(),
                    format!("Bearer {}", token.secret.expose()),
                ),
                ("x-api-key".into(), self.client_id.clone()),
                ("x-gw-ims-org-id".into(), self.org_id.clone()),
                ("accept".into(), "application/json".into()),
            ],
            body: None,
        };
        let (response, body) = fetcher
            .exchange(url, &exchange, &mut |_, _| {}, voices.note)
            .await?;
        if !response.status.is_success() {
            return Err(FetchError::Answer(api_refused(
                response.status,
                url,
                &body,
                &token.secret,
            )));
        }
        if looks_like_html(&body) {
            return Err(FetchError::Answer(
                runtime(format!(
                    "the API answered {url} with an HTML page, not JSON"
                ))
                .hint("check --api-url: it is the API's base URL (https://platform.adobe.io)")
                .into(),
            ));
        }
        serde_json::from_slice::<Page>(&body).map_err(|e| {
            FetchError::Answer(
                runtime(format!(
                    "the API's answer to {url} is not the list it documents: {}",
                    not_json(&body, &e)
                ))
                .into(),
            )
        })
    }
}

/// The items of a page: certificate entries, or what is wrong with each other item.
fn read_items(results: &[Value], page: u32, url: &str, listing: &mut Listing) {
    for (index, value) in results.iter().enumerate() {
        let place = format!("page {page}, item {}", index + 1);
        match read_item(value, &place, url) {
            Ok(item) => listing.items.push(item),
            Err(why) => listing.unreadable.push((place, why)),
        }
    }
}

/// One entry of the list, read field by field so that what is wrong is said in words.
fn read_item(value: &Value, place: &str, url: &str) -> Result<Listed, String> {
    if !value.is_object() {
        return Err(format!(
            "the API's entry at {place} is not an object with certCommonName, publicCertificate and expiryDate"
        ));
    }
    let text = |key: &str| match value.get(key) {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(_) => Err(format!(
            "the API's entry at {place} has a {key} that is not text"
        )),
        None => Err(format!("the API's entry at {place} has no {key}")),
    };
    let (common_name, pem, expiry) = (
        text("certCommonName")?,
        text("publicCertificate")?,
        text("expiryDate")?,
    );
    let Ok(at) = DateTime::parse_from_rfc3339(&expiry) else {
        return Err(format!(
            "the API's entry '{}' ({place}) has the expiryDate '{}', which is not an RFC 3339 time",
            escape_untrusted(&common_name),
            escape_untrusted(&expiry)
        ));
    };
    Ok(Listed {
        place: place.to_string(),
        common_name,
        pem,
        expiry: at.with_timezone(&Utc),
        page_url: url.to_string(),
    })
}

/// Why the API said no, with its own words (escaped, the token redacted).
fn api_refused(status: StatusCode, url: &str, body: &[u8], token: &Secret) -> anyhow::Error {
    let said = vendor_words(body, token);
    match status.as_u16() {
        401 => runtime(format!("the vendor's API refused the token ({status}{said})"))
            .hint("check --org-id and that the credential's project has the mTLS Service API")
            .into(),
        403 => runtime(format!("the vendor's API refused access ({status}{said})"))
            .hint("the credential needs the mTLS Service API for the organization --org-id: add it in the vendor's developer console")
            .into(),
        404 => runtime(format!("{url} answered {status}{said}"))
            .hint("check --api-url: it is the API's base URL (https://platform.adobe.io)")
            .into(),
        _ => runtime(format!("the vendor's API answered {status}{said} for {url}"))
            .hint("try again later")
            .into(),
    }
}

/// ": <message>" from a vendor's error answer (its description, message, detail or title),
/// escaped, bounded and redacted of the secret sent; empty when it says nothing readable.
fn vendor_words(body: &[u8], secret: &Secret) -> String {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return String::new();
    };
    let text = ["error_description", "message", "detail", "title", "error"]
        .iter()
        .find_map(|key| value.get(key).and_then(Value::as_str))
        .unwrap_or_default();
    let text = secret.redact(text);
    let text: String = escape_untrusted(&text).chars().take(200).collect();
    match text.is_empty() {
        true => String::new(),
        false => format!(": {text}"),
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let start = String::from_utf8_lossy(&body[..body.len().min(512)]);
    let start = start.trim_start();
    // JSON and PEM never start with '<'; every HTML page does.
    start.starts_with('<')
}

/// What is wrong with an answer that should be JSON: an HTML page, where the JSON breaks, or
/// what it lacks (without the parser's position).
fn not_json(body: &[u8], error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let (line, column) = (error.line(), error.column());
    match (looks_like_html(body), error.classify()) {
        (true, _) => "it sent an HTML page".into(),
        (false, Category::Eof) => format!("it breaks off at line {line}, column {column}"),
        (false, Category::Syntax) => format!("it is not JSON (line {line}, column {column})"),
        (false, _) => {
            let text = error.to_string();
            text.split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string()
        }
    }
}

fn loop_error(url: &str) -> FetchError {
    FetchError::Answer(
        runtime(format!(
            "the API's list leads back to a page already read ({url}); stopped without saving anything"
        ))
        .hint("the API's paging is broken: try again later, or tell the vendor")
        .into(),
    )
}

/// The checks before a listed certificate is saved: exactly one PEM certificate (no key, no
/// HTML page), it parses, its common name is `certCommonName` and its not-after `expiryDate`.
pub fn verify(listed: &Listed) -> Result<Verified> {
    let label = listed.label();
    if looks_like_html(listed.pem.as_bytes()) {
        return Err(runtime(format!(
            "the API's certificate {label} is an HTML page, not a certificate"
        ))
        .into());
    }
    let der = the_one_certificate(listed.pem.as_bytes(), &format!("the API's entry {label}"))?;
    let cert = parse_der(&der).map_err(|e| {
        runtime(format!(
            "the API's certificate {label} does not parse: {e:#}"
        ))
    })?;
    let names: Vec<String> = cert
        .subject()
        .iter_common_name()
        .filter_map(|cn| cn.as_str().ok().map(str::to_string))
        .collect();
    if names != [listed.common_name.clone()] {
        return Err(runtime(format!(
            "the API's certificate {label} has the common name '{}', not the '{}' the API says",
            escape_untrusted(&names.join(", ")),
            escape_untrusted(&listed.common_name)
        ))
        .hint("do not upload it: tell the vendor")
        .into());
    }
    let info = CertInfo::from_der(&der)?;
    if info.not_after.timestamp() != listed.expiry.timestamp() {
        return Err(runtime(format!(
            "the API's certificate {label} expires {}, not {} as the API says",
            info.not_after.to_rfc3339(),
            listed.expiry.to_rfc3339()
        ))
        .hint("do not upload it: tell the vendor")
        .into());
    }
    Ok(Verified {
        bytes: crate::pki::pem_lf("CERTIFICATE", &der).into_bytes(),
        info,
    })
}
