//! Rules: criteria that must all hold, and behaviours (deny, add a request header). Parsed and
//! checked when added, so that serving never meets an invalid rule.

use std::collections::BTreeMap;

use anyhow::{Result, bail};
use regex::Regex;

use crate::error::usage;

/// Every variable a criterion or template may name.
pub const VARIABLES: &[&str] = &[
    "hostname",
    "path",
    "method",
    "client_certificate_validation",
    "ssl_client_verify",
    "ssl_client_cert",
    "ssl_client_escaped_cert",
    "ssl_client_s_dn",
    "ssl_client_i_dn",
    "ssl_client_s_dn_legacy",
    "ssl_client_i_dn_legacy",
    "ssl_client_s_dn_parsed",
    "ssl_client_serial",
    "ssl_client_fingerprint",
    "ssl_client_v_start",
    "ssl_client_v_end",
    "ssl_client_v_remain",
];

pub type Variables = BTreeMap<&'static str, String>;

/// Where criteria and templates read a variable's value.
pub trait Lookup {
    fn value(&self, name: &str) -> Option<&str>;
}

impl Lookup for Variables {
    fn value(&self, name: &str) -> Option<&str> {
        self.get(name).map(String::as_str)
    }
}

#[derive(Debug, Clone)]
pub enum Operator {
    IsEqual(String),
    IsNotEqual(String),
    Exists,
    DoesNotExist,
    StartsWith(String),
    Matches(Regex),
}

#[derive(Debug, Clone)]
pub struct Criterion {
    pub variable: &'static str,
    pub operator: Operator,
}

#[derive(Debug, Clone)]
pub enum Behavior {
    Deny(u16),
    AddRequestHeader { name: String, template: String },
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub name: String,
    pub criteria: Vec<Criterion>,
    pub behaviors: Vec<Behavior>,
}

fn variable(name: &str) -> Result<&'static str> {
    VARIABLES
        .iter()
        .find(|v| **v == name)
        .copied()
        .ok_or_else(|| {
            usage(format!("unknown variable '{name}'"))
                .hint(format!("variables: {}", VARIABLES.join(", ")))
                .into()
        })
}

/// `VARIABLE OPERATOR [VALUE]`; the value is the rest of the text, spaces included.
pub fn parse_criterion(text: &str) -> Result<Criterion> {
    let mut parts = text.trim().splitn(3, ' ');
    let (Some(name), Some(operator)) = (parts.next(), parts.next()) else {
        bail!(usage(format!(
            "'{text}' is not a criterion: write VARIABLE OPERATOR [VALUE], e.g. 'hostname is-equal api.example.com'"
        )));
    };
    let variable = variable(name)?;
    let value = parts.next().map(str::to_string);
    let need_value = |value: Option<String>| {
        value.filter(|v| !v.is_empty()).ok_or_else(|| {
            anyhow::Error::new(usage(format!(
                "the criterion '{text}' needs a value after {operator}"
            )))
        })
    };
    let operator = match operator {
        "is-equal" => Operator::IsEqual(need_value(value)?),
        "is-not-equal" => Operator::IsNotEqual(need_value(value)?),
        "starts-with" => Operator::StartsWith(need_value(value)?),
        "matches" => {
            let pattern = need_value(value)?;
            Operator::Matches(Regex::new(&pattern).map_err(|e| {
                usage(format!(
                    "the criterion '{text}' has an invalid regular expression: {e}"
                ))
            })?)
        }
        "exists" | "does-not-exist" if value.is_some() => {
            bail!(usage(format!(
                "the criterion '{text}' takes no value after {operator}"
            )));
        }
        "exists" => Operator::Exists,
        "does-not-exist" => Operator::DoesNotExist,
        other => bail!(usage(format!(
            "unknown operator '{other}' in '{text}': use is-equal, is-not-equal, exists, does-not-exist, starts-with or matches"
        ))),
    };
    Ok(Criterion { variable, operator })
}

/// `deny STATUS` or `add-request-header NAME TEMPLATE`.
pub fn parse_behavior(text: &str) -> Result<Behavior> {
    let mut parts = text.trim().splitn(3, ' ');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("deny"), Some(status), None) => {
            let status: u16 = status
                .parse()
                .ok()
                .filter(|s| (400..=599).contains(s))
                .ok_or_else(|| {
                    usage(format!(
                        "'{status}' is not a status to deny with: use 400 to 599 (e.g. deny 403)"
                    ))
                })?;
            Ok(Behavior::Deny(status))
        }
        (Some("add-request-header"), Some(name), Some(template)) => {
            if http::HeaderName::from_bytes(name.as_bytes()).is_err() {
                bail!(usage(format!(
                    "'{}' is not a valid header name",
                    crate::text::escape_untrusted(name)
                )));
            }
            if template.chars().any(char::is_control) {
                bail!(usage(format!(
                    "the header value '{}' has control characters, which a header cannot carry",
                    crate::text::escape_untrusted(template)
                )));
            }
            if template.matches("${").count() != template_variables(template).len() {
                bail!(usage(format!(
                    "the header value '{}' opens a ${{variable}} it does not close",
                    crate::text::escape_untrusted(template)
                )));
            }
            for referenced in template_variables(template) {
                variable(referenced)?;
                if referenced == "ssl_client_cert" {
                    // nginx folds the PEM across lines with tabs, which no header may carry.
                    bail!(usage(format!(
                        "'{text}': ${{ssl_client_cert}} holds line breaks, which a request header cannot carry"
                    ))
                    .hint("use ${ssl_client_escaped_cert}, the URL-encoded PEM (what nginx users forward)"));
                }
            }
            Ok(Behavior::AddRequestHeader {
                name: name.to_string(),
                template: template.to_string(),
            })
        }
        _ => bail!(usage(format!(
            "'{text}' is not a behaviour: write 'deny STATUS' or 'add-request-header NAME TEMPLATE' (TEMPLATE may use ${{variable}})"
        ))),
    }
}

pub fn parse_rule(name: &str, criteria: &[String], behaviors: &[String]) -> Result<Rule> {
    if behaviors.is_empty() {
        bail!(usage(format!(
            "the rule '{name}' has no behaviour: give --behavior 'deny 403' or 'add-request-header NAME TEMPLATE'"
        )));
    }
    Ok(Rule {
        name: name.to_string(),
        criteria: criteria
            .iter()
            .map(|c| parse_criterion(c))
            .collect::<Result<_>>()?,
        behaviors: behaviors
            .iter()
            .map(|b| parse_behavior(b))
            .collect::<Result<_>>()?,
    })
}

fn template_variables(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        match rest[start + 2..].find('}') {
            Some(end) => {
                names.push(&rest[start + 2..start + 2 + end]);
                rest = &rest[start + 2 + end + 1..];
            }
            None => break,
        }
    }
    names
}

/// A template with `${variable}` replaced by the variable's value.
pub fn expand(template: &str, variables: &impl Lookup) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        match rest[start + 2..].find('}') {
            Some(end) => {
                let name = &rest[start + 2..start + 2 + end];
                out.push_str(variables.value(name).unwrap_or(""));
                rest = &rest[start + 2 + end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

impl Criterion {
    /// An empty value counts as absent, as nginx's variables are empty without a certificate.
    pub fn holds(&self, variables: &impl Lookup) -> bool {
        let value = variables.value(self.variable).unwrap_or("");
        match &self.operator {
            Operator::IsEqual(expected) => value == expected,
            Operator::IsNotEqual(expected) => value != expected,
            Operator::Exists => !value.is_empty(),
            Operator::DoesNotExist => value.is_empty(),
            Operator::StartsWith(prefix) => value.starts_with(prefix.as_str()),
            Operator::Matches(regex) => regex.is_match(value),
        }
    }
}

/// What the rules decided for one request.
#[derive(Debug, Default)]
pub struct Verdict {
    pub deny: Option<(u16, String)>,
    pub headers: Vec<(String, String)>,
    pub matched: Vec<String>,
}

/// Rules run in order; the first `deny` ends the request.
pub fn evaluate(rules: &[Rule], variables: &impl Lookup) -> Verdict {
    let mut verdict = Verdict::default();
    for rule in rules {
        if !rule.criteria.iter().all(|c| c.holds(variables)) {
            continue;
        }
        verdict.matched.push(rule.name.clone());
        for behavior in &rule.behaviors {
            match behavior {
                Behavior::Deny(status) => {
                    verdict.deny = Some((*status, rule.name.clone()));
                    return verdict;
                }
                Behavior::AddRequestHeader { name, template } => {
                    verdict
                        .headers
                        .push((name.clone(), expand(template, variables)));
                }
            }
        }
    }
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&'static str, &str)]) -> Variables {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    #[test]
    fn criteria_parse_and_hold_as_written() {
        let v = vars(&[
            ("hostname", "api.example.com"),
            ("client_certificate_validation", "false"),
            ("path", "/admin/x"),
        ]);
        assert!(
            parse_criterion("hostname is-equal api.example.com")
                .unwrap()
                .holds(&v)
        );
        assert!(
            parse_criterion("client_certificate_validation is-not-equal true")
                .unwrap()
                .holds(&v)
        );
        assert!(
            parse_criterion("path starts-with /admin")
                .unwrap()
                .holds(&v)
        );
        assert!(
            parse_criterion("path matches ^/admin/[a-z]+$")
                .unwrap()
                .holds(&v)
        );
        assert!(
            parse_criterion("ssl_client_s_dn does-not-exist")
                .unwrap()
                .holds(&v)
        );
        assert!(!parse_criterion("ssl_client_s_dn exists").unwrap().holds(&v));
        for bad in [
            "nope is-equal x",
            "path is-equal",
            "path resembles x",
            "path matches (",
            "path exists x",
            "hostname",
        ] {
            assert!(parse_criterion(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn behaviours_parse_and_the_first_deny_ends_evaluation() {
        for bad in [
            "deny",
            "deny 200",
            "deny abc",
            "add-request-header X",
            "add-request-header Bad:Name v",
            "add-request-header X ${nope}",
            "redirect /",
        ] {
            assert!(parse_behavior(bad).is_err(), "{bad} was accepted");
        }
        let rules = vec![
            parse_rule(
                "tag",
                &[],
                &["add-request-header X-DN ${ssl_client_s_dn} on ${hostname}".into()],
            )
            .unwrap(),
            parse_rule(
                "block",
                &["client_certificate_validation is-not-equal true".into()],
                &["deny 403".into()],
            )
            .unwrap(),
            parse_rule("never", &[], &["add-request-header X-After yes".into()]).unwrap(),
        ];
        let v = vars(&[
            ("hostname", "h"),
            ("ssl_client_s_dn", "CN=a"),
            ("client_certificate_validation", "false"),
        ]);
        let verdict = evaluate(&rules, &v);
        assert_eq!(verdict.deny, Some((403, "block".into())));
        assert_eq!(
            verdict.headers,
            vec![("X-DN".to_string(), "CN=a on h".to_string())]
        );
        let v = vars(&[("hostname", "h"), ("client_certificate_validation", "true")]);
        let verdict = evaluate(&rules, &v);
        assert_eq!(verdict.deny, None);
        assert_eq!(verdict.matched, vec!["tag", "never"]);
    }
}
