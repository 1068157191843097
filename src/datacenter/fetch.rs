//! Fetching from a vendor over the one HTTP client (`http`): retried by the one policy,
//! redirects followed only to the host that was asked, bodies bounded, and a failure kept as
//! the transfer error `request` explains in its words.

use std::time::Duration;

use anyhow::{Result, anyhow};
use hyper::Method;

use crate::error::runtime;
use crate::http::{self, BodySink, ConnectOptions, Exchange, Response, Retry, Target};

/// Redirects followed at most.
const MAX_REDIRECTS: u32 = 5;

/// How fetches are made: connection options (trust, proxies), retries, a time limit per
/// attempt, and whether plain http:// may be used.
pub struct Fetcher<'a> {
    pub options: &'a ConnectOptions,
    pub retry: Retry,
    pub timeout: Duration,
    pub allow_http: bool,
    /// The most a body may hold.
    pub max_body: u64,
}

/// Why a fetch failed: the transfer itself (explained as `request` explains it), or what came
/// back (a status, a redirect elsewhere, a body too large).
pub enum FetchError {
    Transfer {
        error: http::TransferError,
        target: Target,
    },
    Answer(anyhow::Error),
}

impl From<anyhow::Error> for FetchError {
    fn from(error: anyhow::Error) -> Self {
        FetchError::Answer(error)
    }
}

/// A body as it arrives: bounded, with each chunk reported (for a progress display).
struct Bounded<'a> {
    max: u64,
    kept: Vec<u8>,
    total: Option<u64>,
    progress: &'a mut dyn FnMut(u64, Option<u64>),
}

impl BodySink for Bounded<'_> {
    fn wants(&mut self, head: &hyper::http::response::Parts) -> bool {
        self.total = head
            .headers
            .get(hyper::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse().ok());
        self.kept.clear();
        true
    }

    fn write(&mut self, chunk: &[u8]) -> Result<()> {
        self.kept.extend_from_slice(chunk);
        if self.kept.len() as u64 > self.max {
            return Err(anyhow!(
                "the answer is larger than {} KiB: refusing to read more",
                self.max / 1024
            ));
        }
        (self.progress)(self.kept.len() as u64, self.total);
        Ok(())
    }
}

impl Fetcher<'_> {
    /// GET `url`; a body that is not 2xx is an error naming the status.
    pub async fn get(
        &self,
        url: &str,
        progress: &mut dyn FnMut(u64, Option<u64>),
        note: &mut dyn FnMut(&str),
    ) -> Result<Vec<u8>, FetchError> {
        let exchange = Exchange {
            method: Method::GET,
            headers: Vec::new(),
            body: None,
        };
        let (response, body) = self.exchange(url, &exchange, progress, note).await?;
        if !response.status.is_success() {
            return Err(FetchError::Answer(
                runtime(format!("{url} answered {}", response.status))
                    .hint("check the datacenter and year, --base-url, or the catalog's paths")
                    .into(),
            ));
        }
        Ok(body)
    }

    /// One exchange, retried and redirected: the final response and its body (whatever its
    /// status: the caller judges it).
    pub async fn exchange(
        &self,
        url: &str,
        exchange: &Exchange,
        progress: &mut dyn FnMut(u64, Option<u64>),
        note: &mut dyn FnMut(&str),
    ) -> Result<(Response, Vec<u8>), FetchError> {
        let first = self.target(url)?;
        let mut target = first.clone();
        let mut url = url.to_string();
        for _ in 0..=MAX_REDIRECTS {
            let (response, body) = self.retried(&target, exchange, progress, note).await?;
            let location = response
                .headers
                .get(hyper::header::LOCATION)
                .and_then(|v| v.to_str().ok());
            let (true, Some(location)) = (response.status.is_redirection(), location) else {
                return Ok((response, body));
            };
            let next = url::Url::parse(&url)
                .and_then(|base| base.join(location))
                .map_err(|e| anyhow!("{url} redirected to something that is not a URL: {e}"))?;
            let next_target = self.target(next.as_str())?;
            if !next_target.host.eq_ignore_ascii_case(&first.host) || next_target.port != first.port
            {
                return Err(FetchError::Answer(
                    runtime(format!(
                        "{url} redirected to another host ({}); not followed",
                        next_target.host
                    ))
                    .into(),
                ));
            }
            note(&format!("following the redirect to {next}"));
            (target, url) = (next_target, next.to_string());
        }
        Err(FetchError::Answer(
            runtime(format!("{url}: more than {MAX_REDIRECTS} redirects")).into(),
        ))
    }

    fn target(&self, url: &str) -> Result<Target, FetchError> {
        let target = Target::parse(url)?;
        if !target.https && !self.allow_http {
            return Err(FetchError::Answer(
                runtime(format!("refusing plain HTTP: {url}"))
                    .hint("use https:// (only 'datacenter download' can be told --allow-http, when you verify what comes another way)")
                    .into(),
            ));
        }
        Ok(target)
    }

    /// The exchange, tried again as the retry policy says (each retry announced to `note`).
    async fn retried(
        &self,
        target: &Target,
        exchange: &Exchange,
        progress: &mut dyn FnMut(u64, Option<u64>),
        note: &mut dyn FnMut(&str),
    ) -> Result<(Response, Vec<u8>), FetchError> {
        let mut attempt = 0;
        loop {
            let mut sink = Bounded {
                max: self.max_body,
                kept: Vec::new(),
                total: None,
                progress: &mut *progress,
            };
            let transfer = http::fetch(target, exchange, self.options, Some(&mut sink));
            let outcome = tokio::time::timeout(self.timeout, transfer)
                .await
                .unwrap_or_else(|_| {
                    Err(http::TransferError {
                        step: http::Step::Http,
                        timed_out: true,
                        cause: anyhow!("the transfer took longer than {:?}", self.timeout),
                    })
                });
            let kept = std::mem::take(&mut sink.kept);
            if let Some((delay, text)) = self.retry.again(attempt, &outcome) {
                note(&text);
                tokio::time::sleep(delay).await;
                attempt += 1;
                continue;
            }
            return match outcome {
                Ok(response) => Ok((response, kept)),
                // The body could not be kept: it was too large.
                Err(error) if error.step == http::Step::Write => Err(FetchError::Answer(
                    runtime(format!(
                        "{}: {}",
                        target_url(target),
                        error.cause.root_cause()
                    ))
                    .into(),
                )),
                Err(error) => Err(FetchError::Transfer {
                    error,
                    target: target.clone(),
                }),
            };
        }
    }
}

fn target_url(target: &Target) -> String {
    let scheme = if target.https { "https" } else { "http" };
    format!("{scheme}://{}{}", target.authority, target.path_and_query)
}
