use std::collections::HashMap;

use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::cli::PropertyCommand;
use crate::context::Context;
use crate::error::usage;
use crate::model::{PropertyName, Stage};
use crate::output::{Column, Report, Styled, json_of};
use crate::state::{Property, State};

use super::short_time;
use super::views::{DeletedJson, env_table, warn_unreadable};

pub fn run(command: PropertyCommand, ctx: &Context) -> Result<Report> {
    match command {
        PropertyCommand::Create { name } => create(&name, ctx),
        PropertyCommand::List => list(ctx),
        PropertyCommand::Show { name } => show(&name, ctx),
        PropertyCommand::Delete { name, force } => delete(&name, force, ctx),
    }
}

fn create(name: &PropertyName, ctx: &Context) -> Result<Report> {
    let property = ctx.store.update(|state| {
        if state.properties.iter().any(|p| &p.name == name) {
            return Err(usage(format!("the property '{name}' already exists"))
                .hint(format!("see it with 'mtlsctl property show {name}'"))
                .into());
        }
        let property = Property {
            name: name.clone(),
            created: ctx.now,
        };
        state.add_property(property.clone());
        Ok(property)
    })?;
    Ok(Report::Done {
        message: format!(
            "created property {name}; add environments with 'mtlsctl env create {name}/production'"
        ),
        json: json_of(&PropertyJson::of(&State::default(), &property))?,
    })
}

fn list(ctx: &Context) -> Result<Report> {
    let state = ctx.store.read()?;
    warn_unreadable(&state, ctx);
    let mut properties: Vec<&Property> = state.properties.iter().collect();
    properties.sort_by(|a, b| a.name.cmp(&b.name));
    let mut stages_of: HashMap<&PropertyName, Vec<Stage>> = HashMap::new();
    for environment in &state.environments {
        stages_of
            .entry(&environment.property)
            .or_default()
            .push(environment.stage);
    }
    let stages = |name: &PropertyName| -> Vec<&'static str> {
        let mut stages = stages_of.get(name).cloned().unwrap_or_default();
        stages.sort();
        stages.into_iter().map(Stage::as_str).collect()
    };
    let views: Vec<PropertyJson> = properties
        .iter()
        .map(|p| PropertyJson {
            name: &p.name,
            created: p.created,
            environments: stages(&p.name),
        })
        .collect();
    Ok(Report::Table {
        columns: vec![
            Column::wrap("PROPERTY"),
            Column::wrap("ENVIRONMENTS"),
            Column::optional(1, "CREATED"),
        ],
        rows: properties
            .iter()
            .map(|p| {
                vec![
                    Styled::plain(p.name.as_str()),
                    Styled::plain(stages(&p.name).join(", ")),
                    Styled::plain(short_time(p.created)),
                ]
            })
            .collect(),
        empty: "no properties yet; create one with 'mtlsctl property create NAME'".into(),
        json: json_of(&views)?,
    })
}

fn show(name: &PropertyName, ctx: &Context) -> Result<Report> {
    let state = ctx.store.read()?;
    let property = state.property(name)?;
    let fields = Report::Fields {
        fields: vec![
            ("Property", Styled::plain(name.as_str())),
            ("Created", Styled::plain(short_time(property.created))),
        ],
        json: Value::Null,
    };
    let environments = env_table(&state, Some(name), ctx)?;
    Ok(Report::Sections {
        parts: vec![fields, environments],
        json: json_of(&PropertyJson::of(&state, property))?,
    })
}

fn delete(name: &PropertyName, force: bool, ctx: &Context) -> Result<Report> {
    let removed = ctx.store.update(|state| {
        state.property(name)?;
        let stages = stages(state, name);
        if !stages.is_empty() && !force {
            return Err(usage(format!(
                "the property '{name}' still has environments: {}",
                stages.join(", ")
            ))
            .hint(format!(
                "delete them with 'mtlsctl env delete {name}/STAGE', or pass --force to delete them and their certificates and keys"
            ))
            .into());
        }
        state.ensure_no_live_revocations(
            &format!("the property '{name}'"),
            |c| &c.environment.property == name,
            ctx.now,
        )?;
        Ok(state.remove_property(name))
    })?;
    Ok(Report::Done {
        message: format!("deleted property {name} ({removed} certificates removed)"),
        json: json_of(&DeletedJson {
            deleted: name,
            certificates_removed: removed,
        })?,
    })
}

fn stages(state: &State, name: &PropertyName) -> Vec<&'static str> {
    let mut stages: Vec<_> = state.environments_of(name).map(|e| e.stage).collect();
    stages.sort();
    stages.into_iter().map(|s| s.as_str()).collect()
}

/// One property as `property create|list|show --json` print it.
#[derive(Serialize)]
struct PropertyJson<'a> {
    name: &'a PropertyName,
    created: DateTime<Utc>,
    /// The stages it has environments for, in order.
    environments: Vec<&'static str>,
}

impl<'a> PropertyJson<'a> {
    fn of(state: &State, property: &'a Property) -> Self {
        PropertyJson {
            name: &property.name,
            created: property.created,
            environments: stages(state, &property.name),
        }
    }
}
