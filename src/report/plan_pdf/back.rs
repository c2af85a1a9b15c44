//! The back of a plan's document: the sign-off page with each approver's approval, and
//! the revision history with what changed since the last approved version.

use super::state_label;
use crate::plan::PlanDocument;
use crate::report::flow::{Block, Table};
use crate::report::paragraph::Span;
use crate::report::parts::{bullet, cells, heading, printable, table, when};

/// The sign-off page: whether the version is approved, and a row per approver.
pub(super) fn sign_off(doc: &PlanDocument, out: &mut Vec<Block>) {
    let c = &doc.content;
    out.push(Block::PageBreak);
    out.push(heading(1, "Sign-off", true));
    out.push(Block::text(if doc.approved() {
        format!(
            "Version {} was approved by everyone below and frozen; its content SHA-256 is {}.",
            doc.version, doc.sha256
        )
    } else {
        format!(
            "Version {} is not approved. Each approver below signs here, or approves in Keel, which freezes this exact content.",
            doc.version
        )
    }));
    out.push(Block::Table(Table {
        columns: vec![2.0, 2.0, 1.8, 2.0, 2.4],
        header: cells(&["Name", "Role", "Approved", "Comment", "Signature"]),
        rows: c
            .approvers
            .iter()
            .map(|a| {
                let given = doc
                    .approvals
                    .iter()
                    .find(|x| x.name.eq_ignore_ascii_case(&a.name));
                vec![
                    vec![Span::plain(a.name.clone())],
                    vec![Span::plain(
                        given
                            .map(|g| g.role.clone())
                            .unwrap_or_else(|| a.role.clone()),
                    )],
                    vec![Span::plain(
                        given.map(|g| when(&g.approved_at)).unwrap_or_default(),
                    )],
                    vec![Span::plain(
                        given.map(|g| g.comment.clone()).unwrap_or_default(),
                    )],
                    Vec::new(),
                ]
            })
            .collect(),
        size: 9.0,
        min_row_height: 46.0,
    }));
}

/// Every version with its state and hash, and the changes since the last approved one.
pub(super) fn history(doc: &PlanDocument, out: &mut Vec<Block>) {
    out.push(heading(1, "Revision history", true));
    out.push(table(
        &[0.8, 1.2, 2.2, 4.0],
        &["Version", "State", "Approved", "SHA-256"],
        doc.versions
            .iter()
            .map(|v| {
                vec![
                    v.version.to_string(),
                    state_label(v.state).to_owned(),
                    v.approved_at.as_ref().map(when).unwrap_or_default(),
                    v.sha256.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    ));
    out.push(heading(2, "Changes since the last approved version", true));
    if doc.changes.is_empty() {
        out.push(Block::text(
            "None: there is no earlier approved version, or nothing changed.",
        ));
    }
    for change in &doc.changes {
        out.push(bullet(vec![Span::plain(printable(change))]));
    }
}
