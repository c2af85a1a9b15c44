//! The rules an interview edit follows before anything is written: what a person typed
//! read as a duration, an amount or a percentage; the RTO kept within the MTPD in force;
//! an MTPD set by hand explained; an interviewee named; and the status an edit leads to.
//! Each refusal names the field it is shown at.

use crate::analysis::impact;
use crate::domain::{
    BiaSettings, Duration, FieldErrors, Interview, InterviewEdit, InterviewStatus, Unresolved,
};
use crate::{Error, Result};

/// The field and the text of an edit whose text, when it cannot be accepted, is kept as
/// typed (unresolved) rather than lost: the checked single values of an interview, and
/// the amounts in its cells (`quantity:CATEGORY:BUCKET`, `resource_amount:RESOURCE:
/// BUCKET`). Clearing the field (an empty text) is such an edit too; it resolves what
/// was kept.
pub fn typed_value(edit: &InterviewEdit) -> Option<(String, &str)> {
    match edit {
        InterviewEdit::Date { value } => Some(("interview_date".into(), value)),
        InterviewEdit::Duration { field, value } => Some((field.field().into(), value)),
        InterviewEdit::MbcoPercent { value } => Some(("mbco_percent".into(), value)),
        InterviewEdit::MtpdOverride { value, .. } => Some(("mtpd_override".into(), value)),
        InterviewEdit::Quantity {
            category_id,
            bucket_id,
            value,
        } => Some((format!("quantity:{category_id}:{bucket_id}"), value)),
        InterviewEdit::ResourceAmount {
            resource_id,
            bucket_id,
            value,
        } => Some((format!("resource_amount:{resource_id}:{bucket_id}"), value)),
        _ => None,
    }
}

/// What to keep of a refused edit: its field, the text as typed, and the reasons it was
/// refused in one message, with a likely reading of a duration where there is one.
/// `None` when the edit is not a typed value, or the text is blank (nothing was said to
/// keep).
pub fn unresolved(edit: &InterviewEdit, refused: &FieldErrors) -> Option<Unresolved> {
    let (field, text) = typed_value(edit)?;
    if text.trim().is_empty() || refused.is_empty() {
        return None;
    }
    let message = refused.to_map().into_values().collect::<Vec<_>>().join(" ");
    Some(Unresolved::refused(&field, text, &message))
}

/// A duration typed at `field` (`4h`, `2 days`), or empty for none.
pub fn optional_duration(field: &str, text: &str) -> Result<Option<Duration>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Duration::parse(text)
        .map(Some)
        .map_err(|e| Error::invalid(field, e.to_string()))
}

/// An amount typed by a person (`250000`, `250,000`, `12.5`), or empty for none.
pub fn amount(field: &str, text: &str) -> Result<Option<f64>> {
    match text.trim() {
        "" => Ok(None),
        text => text
            .replace([',', ' ', '\u{a0}'], "")
            .parse::<f64>()
            .ok()
            .filter(|q| q.is_finite() && *q >= 0.0)
            .map(Some)
            .ok_or_else(|| {
                Error::invalid(field, "Write the amount as a plain number, e.g. 250000.")
            }),
    }
}

/// The minimum service level typed as a whole percentage (`40`, `40%`), or empty for none.
pub fn mbco_percent(text: &str) -> Result<Option<u8>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    // A "%" alone says something (and is kept as typed); it is not a cleared field.
    match text.trim().trim_end_matches('%').trim() {
        "" => Err(Error::invalid(
            "mbco_percent",
            "The minimum service level is a whole percentage from 0 to 100.",
        )),
        text => Ok(Some(
            text.parse::<u8>()
                .ok()
                .filter(|p| *p <= 100)
                .ok_or_else(|| {
                    Error::invalid(
                        "mbco_percent",
                        "The minimum service level is a whole percentage from 0 to 100.",
                    )
                })?,
        )),
    }
}

/// A new RTO for the interview `before`: refused when it is longer than the MTPD in
/// force (set by hand, or else Keel's proposal from the ratings).
pub fn check_rto(settings: &BiaSettings, before: &Interview, rto: Duration) -> Result<()> {
    let proposal = impact::propose_mtpd(settings, &before.ratings).map(|p| p.mtpd);
    impact::check_rto(rto, before.mtpd_override.or(proposal)).map_err(|m| Error::invalid("rto", m))
}

/// An MTPD set by hand, typed as `value`, with the `reason` for it: refused without a
/// reason, or when it is shorter than the interview's RTO. Returns the MTPD and the
/// reason to keep (none when the MTPD is cleared).
pub fn mtpd_override<'r>(
    before: &Interview,
    value: &str,
    reason: &'r str,
) -> Result<(Option<Duration>, &'r str)> {
    let mtpd = optional_duration("mtpd_override", value)?;
    let reason = reason.trim();
    if mtpd.is_some() && reason.is_empty() {
        return Err(Error::invalid(
            "mtpd_override_reason",
            "Say why the MTPD differs from Keel's proposal; the reason is kept with it.",
        ));
    }
    if let (Some(mtpd), Some(rto)) = (mtpd, before.rto.value) {
        impact::check_rto(rto, Some(mtpd)).map_err(|m| Error::invalid("mtpd_override", m))?;
    }
    let reason = if mtpd.is_some() { reason } else { "" };
    Ok((mtpd, reason))
}

/// An interviewee's name (required) and role, trimmed.
pub fn interviewee(name: &str, role: &str) -> Result<(String, String)> {
    let mut errors = FieldErrors::new();
    let name = errors.required_text("interviewee_name", "The interviewee's name", name, 200);
    let role = errors.optional_text("interviewee_role", "The role", role, 200);
    errors.into_result()?;
    Ok((name, role))
}

/// The status `edit` leads to, from the `current` one and what is still `missing` after
/// the edit, with who confirmed the summary: the status asked for (refused while the
/// interview is incomplete, and a validation without the name of who confirmed it);
/// after any other edit, back to draft when the interview is no longer complete, and
/// back to complete when validated content changed. None when the status stays; asking
/// again for validation is a change (a new confirmation).
pub fn status_after(
    current: InterviewStatus,
    missing: &[String],
    edit: &InterviewEdit,
) -> Result<Option<(InterviewStatus, Option<String>)>> {
    let (target, confirmed_by) = match edit {
        InterviewEdit::Status {
            status,
            confirmed_by,
        } => {
            let confirmed_by = confirmed_by.trim();
            if *status != InterviewStatus::Draft && !missing.is_empty() {
                return Err(Error::invalid(
                    "status",
                    format!(
                        "The interview is not complete yet. Still needed: {}",
                        missing.join(" ")
                    ),
                ));
            }
            if *status == InterviewStatus::Validated && confirmed_by.is_empty() {
                return Err(Error::invalid(
                    "confirmed_by",
                    "Name the interviewee who confirmed the summary.",
                ));
            }
            (
                *status,
                Some(confirmed_by.to_owned()).filter(|c| !c.is_empty()),
            )
        }
        _ if current != InterviewStatus::Draft && !missing.is_empty() => {
            (InterviewStatus::Draft, None)
        }
        _ if current == InterviewStatus::Validated && edit.changes_content() => {
            (InterviewStatus::Complete, None)
        }
        _ => return Ok(None),
    };
    if target == current && target != InterviewStatus::Validated {
        return Ok(None);
    }
    Ok(Some((target, confirmed_by)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused_at(result: Result<impl std::fmt::Debug>) -> String {
        match result {
            Err(Error::Invalid(fields)) => fields.to_map().into_keys().collect(),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn amounts_take_separators_and_refuse_what_is_not_a_number() {
        assert_eq!(amount("quantity", " 250,000 ").ok(), Some(Some(250_000.0)));
        assert_eq!(amount("quantity", "").ok(), Some(None));
        assert_eq!(refused_at(amount("quantity", "-3")), "quantity");
        assert_eq!(refused_at(amount("quantity", "lots")), "quantity");
    }

    #[test]
    fn the_minimum_service_level_is_a_whole_percentage() {
        assert_eq!(mbco_percent("40 %").ok(), Some(Some(40)));
        assert_eq!(mbco_percent(" ").ok(), Some(None));
        assert_eq!(refused_at(mbco_percent("101")), "mbco_percent");
        assert_eq!(refused_at(mbco_percent("12.5")), "mbco_percent");
        // A percent sign alone is something typed, not a cleared field.
        assert_eq!(refused_at(mbco_percent(" % ")), "mbco_percent");
    }

    #[test]
    fn a_validation_needs_a_complete_interview_and_a_name() {
        let validate = |by: &str| InterviewEdit::Status {
            status: InterviewStatus::Validated,
            confirmed_by: by.into(),
        };
        let missing = vec!["The RTO (step 5).".to_owned()];
        let complete = InterviewStatus::Complete;
        assert_eq!(
            refused_at(status_after(complete, &missing, &validate("Ann"))),
            "status"
        );
        assert_eq!(
            refused_at(status_after(complete, &[], &validate(" "))),
            "confirmed_by"
        );
        assert_eq!(
            status_after(complete, &[], &validate(" Ann ")).ok(),
            Some(Some((InterviewStatus::Validated, Some("Ann".to_owned()))))
        );
    }

    #[test]
    fn other_edits_keep_the_status_honest() {
        let park = InterviewEdit::ParkQuestion {
            question: "Who holds the keys?".into(),
        };
        let missing = vec!["The RTO (step 5).".to_owned()];
        assert_eq!(
            status_after(InterviewStatus::Complete, &missing, &park).ok(),
            Some(Some((InterviewStatus::Draft, None)))
        );
        assert_eq!(
            status_after(InterviewStatus::Complete, &[], &park).ok(),
            Some(None)
        );
        assert_eq!(
            status_after(InterviewStatus::Draft, &missing, &park).ok(),
            Some(None)
        );
    }
}
