use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::short_time;
use super::views::RemovedJson;
use crate::cli::{DomainCommand, RuleCommand};
use crate::context::Context;
use crate::error::usage;
use crate::gateway::rules::parse_rule;
use crate::model::{CaName, HostName, VerifyMode};
use crate::output::{Column, Report, Styled, json_of};
use crate::state::{Domain, RuleRecord};

pub fn run(command: DomainCommand, ctx: &Context) -> Result<Report> {
    match command {
        DomainCommand::Add { host, ca, mode } => add(host, ca, mode, ctx),
        DomainCommand::List => list(ctx),
        DomainCommand::Show { host } => show(host, ctx),
        DomainCommand::Set { host, ca, mode } => set(host, ca, mode, ctx),
        DomainCommand::Remove { host } => remove(host, ctx),
    }
}

fn add(host: HostName, ca: CaName, mode: VerifyMode, ctx: &Context) -> Result<Report> {
    let domain = ctx.store.update(|state| {
        state.trusted_ca(&ca)?;
        if state.domains.iter().any(|d| d.host == host) {
            return Err(usage(format!("the domain {host} already exists"))
                .hint(format!("change it with 'mtlsctl domain set {host}'"))
                .into());
        }
        let domain = Domain {
            host: host.clone(),
            ca: ca.clone(),
            mode,
            created: ctx.now,
            rules: Vec::new(),
        };
        state.add_domain(domain.clone());
        Ok(domain)
    })?;
    Ok(Report::Done {
        message: format!(
            "added domain {host} ({}, trusting CA {ca}); serve it with 'mtlsctl serve --listen ADDR --domain {host}'",
            mode.as_str()
        ),
        json: json_of(&DomainJson::of(&domain))?,
    })
}

fn list(ctx: &Context) -> Result<Report> {
    let state = ctx.store.read()?;
    Ok(Report::Table {
        columns: vec![
            Column::wrap("DOMAIN"),
            Column::keep("MODE"),
            Column::keep("CA"),
            Column::keep("RULES"),
            Column::optional(1, "CREATED"),
        ],
        rows: state
            .domains
            .iter()
            .map(|d| {
                vec![
                    Styled::plain(d.host.as_str()),
                    Styled::plain(d.mode.as_str()),
                    Styled::plain(d.ca.as_str()),
                    Styled::plain(d.rules.len().to_string()),
                    Styled::plain(short_time(d.created)),
                ]
            })
            .collect(),
        empty: "no domains yet; add one with 'mtlsctl domain add HOST --ca NAME'".into(),
        json: json_of(&state.domains.iter().map(DomainJson::of).collect::<Vec<_>>())?,
    })
}

fn show(host: HostName, ctx: &Context) -> Result<Report> {
    let state = ctx.store.read()?;
    let domain = state.domain(&host)?;
    let fields = Report::Fields {
        fields: vec![
            ("Domain", Styled::plain(domain.host.as_str())),
            ("Mode", Styled::plain(domain.mode.as_str())),
            ("CA", Styled::plain(domain.ca.as_str())),
            ("Created", Styled::plain(short_time(domain.created))),
        ],
        json: Value::Null,
    };
    Ok(Report::Sections {
        parts: vec![fields, rules_table(domain)?],
        json: json_of(&DomainJson::of(domain))?,
    })
}

fn set(
    host: HostName,
    ca: Option<CaName>,
    mode: Option<VerifyMode>,
    ctx: &Context,
) -> Result<Report> {
    if ca.is_none() && mode.is_none() {
        return Err(usage("nothing to change: give --ca or --mode").into());
    }
    let domain = ctx.store.update(|state| {
        if let Some(ca) = &ca {
            state.trusted_ca(ca)?;
        }
        let domain = state.domain_mut(&host)?;
        if let Some(ca) = &ca {
            domain.ca = ca.clone();
        }
        if let Some(mode) = mode {
            domain.mode = mode;
        }
        Ok(domain.clone())
    })?;
    Ok(Report::Done {
        message: format!("updated domain {host}"),
        json: json_of(&DomainJson::of(&domain))?,
    })
}

fn remove(host: HostName, ctx: &Context) -> Result<Report> {
    ctx.store.update(|state| {
        state.domain(&host)?;
        state.remove_domain(&host);
        Ok(())
    })?;
    Ok(Report::Done {
        message: format!("removed domain {host}"),
        json: json_of(&RemovedJson {
            removed: host.as_str(),
        })?,
    })
}

pub fn run_rule(command: RuleCommand, ctx: &Context) -> Result<Report> {
    match command {
        RuleCommand::Add {
            host,
            name,
            criteria,
            behaviors,
        } => add_rule(host, name, criteria, behaviors, ctx),
        RuleCommand::List { host } => {
            let state = ctx.store.read()?;
            rules_table(state.domain(&host)?)
        }
        RuleCommand::Remove { host, name } => {
            ctx.store.update(|state| {
                let domain = state.domain_mut(&host)?;
                if !domain.rules.iter().any(|r| r.name == name) {
                    return Err(usage(format!("{host} has no rule named '{name}'"))
                        .hint(format!("run 'mtlsctl rule list {host}'"))
                        .into());
                }
                domain.remove_rule(&name);
                Ok(())
            })?;
            Ok(Report::Done {
                message: format!("removed rule {name} from {host}"),
                json: json_of(&RuleRemovedJson {
                    domain: &host,
                    removed: &name,
                })?,
            })
        }
    }
}

fn rules_table(domain: &Domain) -> Result<Report> {
    Ok(Report::Table {
        columns: vec![
            Column::keep("#"),
            Column::wrap("RULE"),
            Column::wrap("CRITERIA"),
            Column::wrap("BEHAVIOURS"),
        ],
        rows: domain
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    Styled::plain((i + 1).to_string()),
                    Styled::plain(r.name.clone()),
                    Styled::plain(if r.criteria.is_empty() {
                        "(always)".to_string()
                    } else {
                        r.criteria.join(" AND ")
                    }),
                    Styled::plain(r.behaviors.join("; ")),
                ]
            })
            .collect(),
        empty: format!("{} has no rules", domain.host),
        json: json_of(&RuleJson::all(domain))?,
    })
}

/// One domain as `domain add|list|show|set --json` and `rule add --json` print it.
#[derive(Serialize)]
struct DomainJson<'a> {
    host: &'a HostName,
    ca: &'a CaName,
    mode: VerifyMode,
    created: DateTime<Utc>,
    rules: Vec<RuleJson<'a>>,
}

impl<'a> DomainJson<'a> {
    fn of(domain: &'a Domain) -> Self {
        DomainJson {
            host: &domain.host,
            ca: &domain.ca,
            mode: domain.mode,
            created: domain.created,
            rules: RuleJson::all(domain),
        }
    }
}

/// One rule of a domain, in order, as written (`rule list --json` prints them alone).
#[derive(Serialize)]
struct RuleJson<'a> {
    name: &'a str,
    criteria: &'a [String],
    behaviors: &'a [String],
}

impl<'a> RuleJson<'a> {
    fn all(domain: &'a Domain) -> Vec<Self> {
        domain
            .rules
            .iter()
            .map(|rule| RuleJson {
                name: &rule.name,
                criteria: &rule.criteria,
                behaviors: &rule.behaviors,
            })
            .collect()
    }
}

/// `rule remove --json`: the rule gone, and its domain.
#[derive(Serialize)]
struct RuleRemovedJson<'a> {
    domain: &'a HostName,
    removed: &'a str,
}

fn add_rule(
    host: HostName,
    name: String,
    criteria: Vec<String>,
    behaviors: Vec<String>,
    ctx: &Context,
) -> Result<Report> {
    if name.trim().is_empty() || name.contains(char::is_whitespace) {
        return Err(usage(format!(
            "'{name}' is not a rule name: use one word, e.g. require-cert"
        ))
        .into());
    }
    // Checked now, so that serving never meets an invalid rule.
    parse_rule(&name, &criteria, &behaviors)?;
    let domain = ctx.store.update(|state| {
        let domain = state.domain_mut(&host)?;
        if domain.rules.iter().any(|r| r.name == name) {
            return Err(usage(format!("{host} already has a rule named '{name}'"))
                .hint(format!(
                    "remove it first with 'mtlsctl rule remove {host} {name}'"
                ))
                .into());
        }
        domain.add_rule(RuleRecord {
            name: name.clone(),
            criteria: criteria.clone(),
            behaviors: behaviors.clone(),
        });
        Ok(domain.clone())
    })?;
    Ok(Report::Done {
        message: format!(
            "added rule {name} to {host} (rule {} of {})",
            domain.rules.len(),
            domain.rules.len()
        ),
        json: json_of(&DomainJson::of(&domain))?,
    })
}
