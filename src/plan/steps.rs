//! A plan's recovery steps: the rows it shows (each flagged when it comes before a step
//! restoring something it needs) and the steps proposed from the dependency graph.

use super::content::{PlanInputs, capability, scope_resources, sequence};
use super::scope::scope_of;
use super::snapshot::StepRow;
use crate::analysis::dependencies::NodeId;
use crate::analysis::graph_build::GraphParts;
use crate::domain::{Duration, NodeRef, PlanScope, StepInput};

/// The plan's steps, each flagged when it comes before a step restoring something its
/// own resource needs.
pub fn step_rows(parts: &GraphParts, steps: &[StepInput]) -> Vec<StepRow> {
    let index = parts.index();
    let node_of = |s: &StepInput| {
        s.resource_id
            .and_then(|r| index.get(&NodeRef::Resource(r)).copied())
    };
    let needs = parts.needs();
    let needed = |start: NodeId| {
        let mut seen = vec![false; needs.len()];
        let mut stack = needs[start].clone();
        while let Some(id) = stack.pop() {
            if !std::mem::replace(&mut seen[id], true) {
                stack.extend(needs[id].iter().copied());
            }
        }
        seen
    };
    let mut rows = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let warning = node_of(step).and_then(|r| {
            let below = needed(r);
            steps.iter().enumerate().skip(i + 1).find_map(|(j, later)| {
                let s = node_of(later)?;
                below[s].then(|| {
                    format!(
                        "Comes before step {} (\u{201c}{}\u{201d}), which restores {} that this one needs.",
                        j + 1,
                        later.title,
                        parts.graph.nodes[s].name
                    )
                })
            })
        });
        rows.push(StepRow {
            title: step.title.clone(),
            owner_role: step.owner_role.clone(),
            duration_min: Duration::parse(&step.duration).ok(),
            resource: node_of(step).map(|r| parts.graph.nodes[r].name.clone()),
            preconditions: step.preconditions.clone(),
            warning,
        });
    }
    rows
}

/// Recovery steps proposed from the dependency graph: one per resource in scope, in
/// the order they can be recovered, owned by the resource's owner, as long as its RTC.
/// Only `scope_items`, `parts` and `capabilities` of `inputs` are read.
pub fn propose_steps(scope: PlanScope, inputs: &PlanInputs) -> Vec<StepInput> {
    let parts = &inputs.parts;
    let scope = scope_of(parts, scope, &inputs.scope_items);
    let in_scope = scope.activity_refs(parts);
    let ids = scope_resources(parts, &scope);
    // The order does not depend on which resources are critical: no predictions needed.
    sequence(parts, &ids, &in_scope, &[])
        .into_iter()
        .map(|(id, row)| {
            let c = capability(parts, inputs, id);
            StepInput {
                title: format!("Recover {}", row.name),
                owner_role: c.owner,
                duration: Duration::parse(&c.rtc)
                    .ok()
                    .map(Duration::minutes)
                    .and_then(Duration::from_minutes)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                resource_id: match parts.graph.nodes[id].node {
                    NodeRef::Resource(r) => Some(r),
                    NodeRef::Activity(_) => None,
                },
                preconditions: String::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::graph_build::fixtures::warehouse;
    use crate::domain::ResourceCapabilityInput;

    fn step(title: &str, resource_id: Option<i64>) -> StepInput {
        StepInput {
            title: title.into(),
            resource_id,
            ..StepInput::default()
        }
    }

    #[test]
    fn a_step_before_one_restoring_what_it_needs_is_flagged() {
        // The WMS needs the site: restoring it first is out of order.
        let rows = step_rows(
            &warehouse(),
            &[
                step("Bring the WMS back", Some(1)),
                step("Call the landlord", None),
                step("Reopen the site", Some(3)),
            ],
        );
        assert_eq!(
            rows[0].warning.as_deref(),
            Some(
                "Comes before step 3 (\u{201c}Reopen the site\u{201d}), which restores Site that this one needs."
            )
        );
        assert_eq!(rows[0].resource.as_deref(), Some("WMS"));
        assert!(rows[1].warning.is_none() && rows[2].warning.is_none());
    }

    #[test]
    fn proposed_steps_recover_the_resources_in_scope_in_order() {
        let mut inputs = PlanInputs {
            parts: warehouse(),
            scope_items: vec![NodeRef::Activity(1)],
            ..PlanInputs::default()
        };
        inputs.capabilities.insert(
            1,
            ResourceCapabilityInput {
                owner: "IT".into(),
                rtc: "2h".into(),
                ..ResourceCapabilityInput::default()
            },
        );
        let steps = propose_steps(PlanScope::Items, &inputs);
        let shown: Vec<(&str, &str, &str, Option<i64>)> = steps
            .iter()
            .map(|s| {
                (
                    s.title.as_str(),
                    s.owner_role.as_str(),
                    s.duration.as_str(),
                    s.resource_id,
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("Recover Site", "", "", Some(3)),
                ("Recover WMS", "IT", "2h", Some(1))
            ]
        );
    }
}
