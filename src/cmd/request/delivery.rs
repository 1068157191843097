//! Where a response body goes as it arrives: -o FILE (whole, by rename) or stdout.

use super::*;

/// Where `request` puts a body as it arrives, in constant memory: -o FILE (appearing whole,
/// by rename, once complete) or stdout. Bodies that are read or may be dropped stay in memory:
/// --json, answers that will be retried, redirects with -L, --fail errors, and the 400 and 403
/// pages that say why a server refused.
pub(super) struct Delivery<'a> {
    pub(super) args: &'a RequestArgs,
    pub(super) json: bool,
    pub(super) out: Option<Out>,
}

pub(super) enum Out {
    File(atomic::Sink),
    Stdout(std::io::Stdout),
}

impl Delivery<'_> {
    pub(super) fn finish(self) -> Result<()> {
        match self.out {
            Some(Out::File(sink)) => sink.finish(),
            Some(Out::Stdout(mut stdout)) => {
                use std::io::Write;
                stdout.flush().context("cannot write the response")
            }
            None => Ok(()),
        }
    }
}

impl http::BodySink for Delivery<'_> {
    fn wants(&mut self, parts: &hyper::http::response::Parts) -> bool {
        let code = parts.status.as_u16();
        let kept = self.json
            || http::RETRY_STATUSES.contains(&code)
            || (self.args.fail && code >= 400)
            || code == 400
            || code == 403
            || (self.args.location && parts.status.is_redirection());
        if kept {
            return false;
        }
        let head = (self.args.include || self.args.head)
            .then(|| head(parts.version, parts.status, &parts.headers));
        let opened = match &self.args.output {
            Some(path) => atomic::Sink::open(path, atomic::output_mode(path)).map(Out::File),
            None => Ok(Out::Stdout(std::io::stdout())),
        };
        let Ok(mut out) = opened else {
            return false;
        };
        if let Some(head) = head
            && write_to(&mut out, head.as_bytes()).is_err()
        {
            return false;
        }
        self.out = Some(out);
        true
    }

    fn write(&mut self, chunk: &[u8]) -> Result<()> {
        match &mut self.out {
            Some(out) => write_to(out, chunk),
            None => Ok(()),
        }
    }
}

pub(super) fn write_to(out: &mut Out, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    match out {
        Out::File(sink) => sink.write(bytes),
        Out::Stdout(stdout) => stdout.write_all(bytes).context("cannot write the response"),
    }
}

/// An output that cannot be written is curl's 23.
pub(super) fn write_failed(error: anyhow::Error) -> anyhow::Error {
    transfer(23, format!("{error:#}")).into()
}
