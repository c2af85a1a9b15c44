// Generated from the Rust types by `make gen`; do not edit by hand.

/**
 * The one serialised error shape that crosses the IPC seam: `{ code, message, fields }`.
 */
export type ApiError = { code: ErrorCode, message: string, 
/**
 * Field name → message, for validation errors; empty otherwise.
 */
fields: { [key in string]: string }, };

/**
 * What the UI branches on. Add a code only when the UI does something different for it.
 */
export type ErrorCode = "validation" | "not_found" | "conflict" | "signing" | "file" | "no_engagement" | "internal";

/**
 * Details of the engagement as stored.
 */
export type EngagementDetails = { organisation: string, 
/**
 * What the programme covers (and what it leaves out).
 */
scope: string, facilitator: string, start_date: string | null, end_date: string | null, };

/**
 * Details as typed by the user; dates are `YYYY-MM-DD` or empty.
 */
export type EngagementDetailsInput = { organisation: string, scope: string, facilitator: string, start_date: string, end_date: string, };

export type OrgUnit = { id: number, name: string, description: string, 
/**
 * How many activities belong to this unit.
 */
activity_count: number, };

export type OrgUnitInput = { name: string, description: string, };

export type Activity = { id: number, name: string, unit_id: number | null, 
/**
 * Name of the unit, for display; `None` when the activity has no unit yet.
 */
unit_name: string | null, 
/**
 * The person accountable for the activity (the process owner).
 */
owner: string, description: string, 
/**
 * Products and services the activity delivers, in the order given.
 */
products_services: Array<string>, };

export type ActivityInput = { name: string, unit_id: number | null, owner: string, description: string, products_services: Array<string>, };

/**
 * Which activities to list.
 */
export type ActivityQuery = { 
/**
 * Case-insensitive part of the name; empty lists all.
 */
search: string, 
/**
 * Only activities of this unit.
 */
unit_id: number | null, };

export type AuditAction = "create" | "update" | "delete";

/**
 * One changed field of one record (or one whole record created or deleted).
 */
export type AuditEntry = { id: number, at: string, 
/**
 * Who made the change: the facilitator name from the settings.
 */
actor: string, action: AuditAction, 
/**
 * The kind of record: `engagement`, `unit`, `activity`.
 */
entity: string, entity_id: number, 
/**
 * The record's name when the change was made.
 */
entity_label: string, field: string | null, old_value: string | null, new_value: string | null, };

export type EngagementInfo = { path: string, organisation: string, schema_version: number, integrity: IntegrityStatus, 
/**
 * What SQLite's integrity check reported when it was not `ok`.
 */
integrity_detail: Array<string>, units: number, activities: number, audit_entries: number, };

/**
 * How far the engagement has got through the planning stage, counted: what the
 * overview's workflow checklist shows done and next.
 */
export type EngagementProgress = { units: number, activities: number, 
/**
 * Interviews complete or validated.
 */
interviews_done: number, resources: number, 
/**
 * Resources whose recovery time capability is recorded.
 */
resources_with_rtc: number, 
/**
 * What activities need (resources and other activities), recorded.
 */
needs: number, plans: number, 
/**
 * Plans with at least one approved, frozen version.
 */
plans_approved: number, 
/**
 * Values kept as typed and not accepted yet.
 */
unresolved: number, };

export type IntegrityStatus = "ok" | "damaged";

export type Settings = { 
/**
 * Written to the audit log as the author of every change.
 */
facilitator_name: string, 
/**
 * Most recently opened first.
 */
recent: Array<RecentEngagement>, };

export type RecentEngagement = { path: string, organisation: string, opened_at: string, };

/**
 * What the app shows about the workspace.
 */
export type WorkspaceState = { 
/**
 * The open engagement, if any.
 */
current: CurrentEngagement | null, recent: Array<RecentEngagementEntry>, facilitator_name: string, 
/**
 * Where new engagements go unless the user picks another place.
 */
engagements_dir: string, 
/**
 * Why the last engagement could not be reopened at start-up, if it could not.
 */
startup_problem: string | null, };

export type CurrentEngagement = { path: string, details: EngagementDetails, };

export type RecentEngagementEntry = { 
/**
 * False when the file is no longer where it was.
 */
available: boolean, path: string, organisation: string, opened_at: string, };

/**
 * Input for a new engagement; an empty `path` means "propose one in the data dir".
 */
export type NewEngagementInput = { organisation: string, path: string, };

export type BiaSettings = { categories: Array<ImpactCategory>, 
/**
 * Shortest first.
 */
buckets: Array<TimeBucket>, 
/**
 * An impact at or above this rating is unacceptable.
 */
unacceptable_rating: number, 
/**
 * Strictest first; the last one has no upper bound.
 */
tiers: Array<TierBand>, 
/**
 * Currency of the financial descriptors, e.g. `EUR`.
 */
currency: string, 
/**
 * Which comes first in dates written with numbers only; none: Keel asks.
 */
date_order: DateOrder | null, };

/**
 * Which comes first in a date written with numbers only, as the engagement says.
 */
export type DateOrder = "day_first" | "month_first";

/**
 * One change to the BIA settings; each is checked, saved and written to the audit log.
 */
export type BiaSettingsEdit = { "kind": "unacceptable_rating", value: number, } | { "kind": "currency", value: string, } | { "kind": "date_order", value: DateOrder | null, } | { "kind": "rename_category", id: number, name: string, } | { "kind": "level", id: number, rating: number, descriptor: string, } | { "kind": "add_category", name: string, } | { "kind": "remove_category", id: number, } | { "kind": "add_bucket", after: string, } | { "kind": "remove_bucket", id: number, } | { "kind": "tier_max", tier: number, max_rto: string, };

export type ImpactCategory = { id: number, name: string, 
/**
 * Amounts in the descriptors are in the engagement's currency.
 */
monetary: boolean, 
/**
 * One descriptor per rating, index = rating (0 ..= 5).
 */
levels: Array<string>, };

export type TimeBucket = { id: number, after: Duration, };

export type TierBand = { tier: number, 
/**
 * The longest RTO in this tier; `None` for the last tier ("beyond").
 */
max_rto: Duration | null, };

/**
 * One cell of the impact-over-time grid: category × time bucket.
 */
export type ImpactCell = { category_id: number, bucket_id: number, 
/**
 * 0 ..= 5.
 */
rating: number, 
/**
 * Optional amount behind the rating: money, customers, records.
 */
quantity: number | null, 
/**
 * Why the rating is what it is; required when impact falls over time.
 */
rationale: string, };

/**
 * A length of time in whole minutes.
 */
export type Duration = number;

/**
 * An interview with everything Keel derives from it, as the screens show it.
 */
export type InterviewView = { activity: Activity, interview: Interview, proposal: MtpdProposal | null, 
/**
 * The override if there is one, otherwise the proposal.
 */
mtpd: Duration | null, tier: number | null, falls: Array<ImpactFall>, 
/**
 * What still stops the interview from being complete, in words.
 */
missing: Array<string>, 
/**
 * Step 6: the resources the activity needs, with amounts over time.
 */
resources: Array<ResourceNeed>, 
/**
 * Step 7: the activities it needs, and the activities that need it.
 */
upstream: Array<ActivityLink>, downstream: Array<ActivityLink>, };

/**
 * What is stored of an interview.
 */
export type Interview = { activity_id: number, status: InterviewStatus, interview_date: string | null, facilitator: string, notes: string, interviewees: Array<Interviewee>, peak_periods: string, 
/**
 * What happens to the work that piles up during a disruption.
 */
backlog: string, ratings: Array<ImpactCell>, mtpd_override: Duration | null, mtpd_override_reason: string, rto: Objective, rpo: Objective, mbco: MinimumService, workarounds: string, 
/**
 * How long the manual workarounds can carry the activity.
 */
workaround_duration: Duration | null, validated_by: string | null, validated_at: string | null, parked: Array<ParkedQuestion>, 
/**
 * What was typed into a checked field and could not be accepted, kept as typed.
 */
unresolved: Array<Unresolved>, };

export type InterviewStatus = "draft" | "complete" | "validated";

/**
 * How sure the interviewees are of a figure.
 */
export type Confidence = "low" | "medium" | "high";

export type Interviewee = { id: number, name: string, role: string, };

/**
 * A recovery objective with who said it and how sure they are.
 */
export type Objective = { value: Duration | null, source: string, confidence: Confidence | null, };

/**
 * The minimum business continuity objective: reduced capacity acceptable during a
 * disruption.
 */
export type MinimumService = { 
/**
 * Percent of normal capacity.
 */
percent: number | null, statement: string, source: string, confidence: Confidence | null, };

export type ParkedQuestion = { id: number, question: string, resolved: boolean, };

/**
 * A value typed into a checked field (a duration, a date, a percentage) of an
 * interview or of what a resource can do, that Keel could not accept, kept exactly as
 * typed with the reason until someone corrects it. The value in force meanwhile is the
 * one accepted before, if any.
 */
export type Unresolved = { 
/**
 * The field it was typed in, as the UI names it (`rto`, `interview_date`…).
 */
field: string, 
/**
 * The field in words (`The RTO`).
 */
label: string, text: string, 
/**
 * Why it was not accepted.
 */
message: string, };

/**
 * A text field of the interview, saved as it is typed.
 */
export type InterviewText = "facilitator" | "notes" | "peak_periods" | "backlog" | "rto_source" | "rpo_source" | "mbco_statement" | "mbco_source" | "workarounds";

/**
 * A duration field of the interview, typed as text.
 */
export type InterviewDuration = "rto" | "rpo" | "workaround_duration";

/**
 * A confidence field of the interview.
 */
export type InterviewConfidence = "rto" | "rpo" | "mbco";

/**
 * One change to an interview, as the UI (or a script) sends it. Each one is saved at
 * once and written to the audit log; the screens get the whole interview back.
 */
export type InterviewEdit = { "kind": "text", field: InterviewText, value: string, } | { "kind": "date", value: string, } | { "kind": "duration", field: InterviewDuration, value: string, } | { "kind": "confidence", field: InterviewConfidence, value: Confidence | null, } | { "kind": "mbco_percent", value: string, } | { "kind": "mtpd_override", value: string, reason: string, } | { "kind": "rating", category_id: number, bucket_id: number, rating: number | null, rationale: string, } | { "kind": "quantity", category_id: number, bucket_id: number, value: string, } | { "kind": "add_interviewee", name: string, role: string, } | { "kind": "update_interviewee", id: number, name: string, role: string, } | { "kind": "remove_interviewee", id: number, } | { "kind": "park_question", question: string, } | { "kind": "resolve_question", id: number, resolved: boolean, } | { "kind": "add_resource", resource_id: number | null, name: string, resource_kind: ResourceKind, } | { "kind": "remove_resource", resource_id: number, } | { "kind": "resource_amount", resource_id: number, bucket_id: number, value: string, } | { "kind": "add_dependency", other: number, upstream: boolean, } | { "kind": "remove_dependency", other: number, upstream: boolean, } | { "kind": "status", status: InterviewStatus, confirmed_by: string, };

/**
 * Why Keel proposes an MTPD: the first time bucket at which a category reaches the
 * unacceptable rating.
 */
export type MtpdProposal = { mtpd: Duration, bucket_id: number, 
/**
 * The categories that reach the unacceptable rating at that bucket.
 */
reasons: Array<MtpdReason>, 
/**
 * One sentence for the facilitator and the interviewee.
 */
explanation: string, };

export type MtpdReason = { category_id: number, category: string, rating: number, descriptor: string, };

/**
 * A rating lower than an earlier one in the same row.
 */
export type ImpactFall = { category_id: number, bucket_id: number, rating: number, 
/**
 * The highest rating before it, and where.
 */
earlier_rating: number, earlier_bucket_id: number, explained: boolean, };

export type BiaResult = { activity_id: number, activity: string, unit: string | null, 
/**
 * `None` when no interview was started.
 */
status: InterviewStatus | null, mtpd_minutes: Duration | null, 
/**
 * True when the MTPD was set by hand instead of proposed from the grid.
 */
mtpd_overridden: boolean, rto_minutes: Duration | null, rpo_minutes: Duration | null, mbco_percent: number | null, mbco_statement: string, tier: number | null, 
/**
 * How many things the interview still lacks to be complete.
 */
missing: number, 
/**
 * Values typed and not accepted yet, kept as typed.
 */
unresolved: Array<Unresolved>, 
/**
 * The highest rating of any category at each time bucket (settings order), for the
 * heat map; `None` where nothing is rated.
 */
peak_by_bucket: Array<number | null>, 
/**
 * How many resources the activity needs, as recorded.
 */
resources: number, 
/**
 * How many dependencies are recorded: activities it needs, and suppliers.
 */
dependencies: number, };

/**
 * What the BIA still lacks: activities not interviewed or not complete, and the
 * elements of ISO 22301 clause 8.2.2 the engagement's data does not cover yet.
 */
export type BiaCompleteness = { not_started: Array<string>, incomplete: Array<string>, iso: Array<IsoElement>, };

export type ResourceKind = "it_service" | "application" | "infrastructure" | "data" | "supplier" | "site" | "people" | "equipment";

export type Resource = { id: number, name: string, kind: ResourceKind, };

/**
 * A resource an activity needs, with the amounts needed after each time bucket.
 */
export type ResourceNeed = { resource: Resource, 
/**
 * (bucket id, amount), in no particular order; buckets without one are absent.
 */
amounts: Array<ResourceAmount>, };

export type ResourceAmount = { bucket_id: number, quantity: number, };

/**
 * Another activity, as a link in the dependencies of an interview.
 */
export type ActivityLink = { id: number, name: string, };

export type WorkshopTimer = { elapsed_seconds: number, running: boolean, planned_minutes: number, };

/**
 * Where the facilitator is in an interview, for the projector to follow: the step, and
 * on the impact grid the cell under discussion.
 */
export type PresenterFocus = { activity_id: number, 
/**
 * 1 to 8.
 */
step: number, category_id: number | null, bucket_id: number | null, };

/**
 * What the dependency map is focused on, as the map page names it: a node (by its key),
 * a finding (by its index in the map's findings) or a group of the overview (by its id).
 */
export type MapFocus = { "kind": "node", key: string, } | { "kind": "finding", index: number, } | { "kind": "group", id: string, };

/**
 * What the presentation window shows: an activity's interview, or the dependency map
 * focused as the facilitator has it (the whole map when `focus` is none).
 */
export type Presented = { "kind": "interview", activity_id: number, } | { "kind": "map", focus: MapFocus | null, };

export type Analysis = { gaps: Array<Gap>, spofs: Array<Spof>, predicted: Array<Prediction>, cycles: Array<Array<string>>, 
/**
 * How each resource's capability stands: the grade and values in force, with the
 * demonstration in force or the one that expired. (Only in the full analysis.)
 */
capabilities: Array<CapabilityStanding>, };

/**
 * A finding, with the dependency path (from the activity that sets the requirement
 * down to the node) that explains it. Nodes are named for display, and referred to by
 * record in `node_ref` and `path_refs` (`activity:ID` keys in JSON).
 */
export type Gap = { kind: GapKind, node: string, node_ref: string, 
/**
 * The requirement, in whole minutes (RTO or RPO; for `chain`, the activity's RTO;
 * for `demonstrated_slower`, the target or committed RTC; for
 * `demonstration_expired`, the RTO required of it, if any).
 */
required_min: Duration | null, 
/**
 * What the node can do, in whole minutes (RTC, RPC; for `chain`, the prediction;
 * for `demonstrated_slower`, the RTC shown; for `demonstration_expired`, the RTC in
 * force again).
 */
capability_min: Duration | null, path: Array<string>, path_refs: Array<string>, 
/**
 * The gap in words, after the node's name ("recovers in 1w, but 4h is required of
 * it"): the same sentence in the app, the CLI and the PDF.
 */
explanation: string, };

export type GapKind = "rto" | "rpo" | "chain" | "upstream" | "unknown" | "demonstrated_slower" | "demonstration_expired";

export type Prediction = { activity: string, activity_ref: string, rto_min: Duration | null, 
/**
 * Predicted recovery after a total loss; `None` when a capability on the way is
 * unknown or the activity sits on a cycle.
 */
predicted_min: Duration | null, 
/**
 * From the activity down to the last node to recover.
 */
critical_path: Array<string>, critical_path_refs: Array<string>, };

/**
 * A resource whose loss alone stops the activities it `breaks` (by name: activity
 * names are unique, and a second list of records for every broken activity made the
 * analysis of a large engagement 5% slower).
 */
export type Spof = { resource: string, resource_ref: string, breaks: Array<string>, };

/**
 * How a resource's capability stands on the day the graph was built.
 */
export type CapabilityStanding = { resource: string, resource_ref: string, 
/**
 * The grade of the RTC in force; `None` when no grade is recorded.
 */
evidence: Evidence | null, 
/**
 * The RTC in force (the demonstrated one while a demonstration is valid).
 */
rtc_min: Duration | null, 
/**
 * The grade of the RPC in force (demonstrated only where a restore point was shown).
 */
rpc_evidence: Evidence | null, rpc_min: Duration | null, 
/**
 * The demonstration in force.
 */
demonstrated: Shown | null, 
/**
 * The latest demonstration, when it has expired and none is in force.
 */
expired: Shown | null, 
/**
 * The target or committed RTC a demonstration from an exercise was shown against.
 */
target_rtc_min: Duration | null, 
/**
 * Shown slower than that target or commitment.
 */
slower_than_target: boolean, };

/**
 * One demonstration, dated, with when it stops counting.
 */
export type Shown = { on: string, expires_on: string, rtc_min: Duration | null, rpc_min: Duration | null, 
/**
 * The exercise that showed it; `None` when it was recorded by hand.
 */
exercise_id: number | null, };

/**
 * The capability in force on a given day.
 */
export type Standing = { 
/**
 * The grade of the RTC in force.
 */
evidence: Evidence | null, rtc: Duration | null, 
/**
 * The grade of the RPC in force (demonstrated only where a restore point was shown).
 */
rpc_evidence: Evidence | null, rpc: Duration | null, 
/**
 * The demonstration in force.
 */
demonstrated: Shown | null, 
/**
 * The latest demonstration, when it has expired and none is in force.
 */
expired: Shown | null, 
/**
 * The RTC recorded as target or committed, when a demonstration is in force: what
 * it was shown against.
 */
target_rtc: Duration | null, 
/**
 * The grade of `target_rtc`: target or committed.
 */
target_evidence: Evidence | null, };

/**
 * How a resource is brought back.
 */
export type RecoveryStrategy = "hot_standby" | "warm_standby" | "cold_standby" | "manual_workaround" | "restore_from_backup" | "alternate_supplier" | "none";

/**
 * How we know a capability: wished, promised (an SLA), or timed in an exercise.
 */
export type Evidence = "target" | "committed" | "demonstrated";

/**
 * What a resource can do, as typed: durations as in the BIA (`4h`), dates
 * `YYYY-MM-DD`, empty for unknown.
 */
export type ResourceCapabilityInput = { owner: string, description: string, strategy: RecoveryStrategy | null, 
/**
 * Recovery time capability: the time it needs once everything it depends on is back.
 */
rtc: string, 
/**
 * Recovery point capability.
 */
rpc: string, evidence: Evidence | null, 
/**
 * For demonstrated evidence: the date of the exercise that showed it.
 */
demonstrated_on: string, 
/**
 * As read: the checked values (RTC, RPC, exercise date) typed and kept because Keel
 * could not accept them; the fields above hold the values in force (accepted
 * before). Ignored when sent back.
 */
kept: Array<Unresolved>, };

export type IsoElement = { 
/**
 * `a` to `h`.
 */
item: string, requirement: string, covered: boolean, detail: string, };

export type DependencyMap = { nodes: Array<MapNode>, edges: Array<MapEdge>, findings: Array<MapFinding>, width: number, height: number, node_width: number, node_height: number, };

export type MapNode = { 
/**
 * `activity:ID` or `resource:ID`.
 */
key: string, name: string, 
/**
 * `None` for an activity.
 */
resource_kind: ResourceKind | null, unit: string | null, tier: number | null, status: NodeStatus, 
/**
 * Its loss alone stops at least one activity.
 */
spof: boolean, x: number, y: number, 
/**
 * Dragged there by hand (otherwise placed by the layered layout).
 */
placed: boolean, };

/**
 * `from` needs `to`; edges of one node sharing a non-empty group are alternatives.
 */
export type MapEdge = { from: string, to: string, group: string, };

/**
 * A gap with the keys of the nodes on its path, in the path's order.
 */
export type MapFinding = { gap: Gap, path: Array<string>, };

/**
 * A node's new place on the map.
 */
export type MapPosition = { x: number, y: number, };

/**
 * How a node fares in the analysis.
 */
export type NodeStatus = "ok" | "gap" | "unknown";

/**
 * The files to import; any may be left out.
 */
export type ImportFiles = { activities: string | null, resources: string | null, dependencies: string | null, };

export type ImportReport = { files: Array<FileReport>, 
/**
 * True when the changes were written (no rejected row, not a dry run).
 */
applied: boolean, dry_run: boolean, 
/**
 * What the import wrote (or would write), as the audit log records it: one entry
 * per record created and per field changed.
 */
changes: Array<AuditEntry>, };

export type FileReport = { file: string, rows: number, unknown_columns: Array<string>, rejected: Array<RejectedRow>, 
/**
 * Cells imported as written, unresolved, because Keel could not accept them.
 */
unresolved: Array<UnresolvedCell>, };

export type RejectedRow = { line: number, reason: string, };

/**
 * A cell imported as written and kept unresolved: where it is, what it says, and why
 * it was not accepted (with a likely reading where there is one).
 */
export type UnresolvedCell = { line: number, column: string, 
/**
 * The activity or resource the row is about.
 */
name: string, text: string, message: string, };

/**
 * How far an import has got, for a progress bar: rows handled (imported or rejected)
 * out of the rows of all its files.
 */
export type ImportProgress = { rows_done: number, rows_total: number, };

export type Person = { id: number, name: string, role: string, phone: string, phone_alt: string, email: string, location: string, 
/**
 * When the details were last checked with the person, `YYYY-MM-DD`.
 */
last_verified: string | null, };

/**
 * A person as typed; `last_verified` is `YYYY-MM-DD` or empty.
 */
export type PersonInput = { name: string, role: string, phone: string, phone_alt: string, email: string, location: string, last_verified: string, };

export type Team = { id: number, name: string, description: string, members: Array<TeamMember>, };

export type TeamMember = { person_id: number, role: string, 
/**
 * The member this person stands in for.
 */
alternate_of: number | null, };

export type TeamInput = { name: string, description: string, members: Array<TeamMember>, };

export type PlanTemplate = "iso22301" | "nist80034";

/**
 * What Keel fills into a section from the engagement's own data.
 */
export type Generated = "activities" | "bia_summary" | "resources" | "diagram" | "findings" | "sequence" | "procedures" | "contacts" | "approvals" | "open_actions";

export type PlanScope = "organisation" | "items" | "site";

export type PlanState = "draft" | "in_review" | "approved" | "superseded";

export type NewPlanInput = { title: string, template: PlanTemplate, owner: string, 
/**
 * Months between reviews; 12 when not given.
 */
review_months: number | null, };

/**
 * One change to the plan being worked on. An edit to an approved plan starts the next
 * version as a draft; an edit to a plan in review sends it back to draft.
 */
export type PlanEdit = { "type": "details", title: string, owner: string, review_months: number, } | { "type": "scope", scope: PlanScope, items: Array<string>, } | { "type": "section", key: string, body: string, } | { "type": "approvers", approvers: Array<ApproverRow>, } | { "type": "call_tree", calls: Array<CallInput>, } | { "type": "steps", steps: Array<StepInput>, } | { "type": "invocation", criteria: Array<CriterionInput>, invokers: Array<InvokerInput>, };

export type CallInput = { 
/**
 * `None`: the person who invokes the plan makes this call.
 */
caller_id: number | null, callee_id: number, fallback_id: number | null, };

export type StepInput = { title: string, owner_role: string, 
/**
 * As typed (`2h`, `PT30M`), or empty.
 */
duration: string, resource_id: number | null, preconditions: string, };

export type Approval = { name: string, role: string, approved_at: string, comment: string, };

/**
 * A plan in the list: where its working version stands, and its last approval.
 */
export type PlanSummary = { id: number, title: string, template: PlanTemplate, state: PlanState, version: number, approved_version: number | null, approved_at: string | null, sha256: string | null, 
/**
 * `YYYY-MM-DD`: the last approval plus the review cycle.
 */
next_review: string | null, overdue: boolean, };

export type SectionView = { key: string, title: string, guidance: string, written: boolean, generated: Array<Generated>, body: string, 
/**
 * The body as HTML, for the preview.
 */
html: string, };

export type ScopeItem = { key: string, name: string, };

export type VersionInfo = { version: number, state: PlanState, approved_at: string | null, sha256: string | null, };

/**
 * The plan being worked on: its working version, live from the engagement.
 */
export type PlanView = { summary: PlanSummary, owner: string, review_months: number, scope: PlanScope, scope_items: Array<ScopeItem>, sections: Array<SectionView>, content: PlanSnapshot, calls: Array<CallInput>, steps: Array<StepInput>, 
/**
 * When to invoke the plan and who may, as edited.
 */
criteria: Array<CriterionInput>, invokers: Array<InvokerInput>, 
/**
 * Approvals of the working version so far.
 */
approvals: Array<Approval>, check: Array<CheckItem>, stale_contacts: Array<string>, versions: Array<VersionInfo>, 
/**
 * Since the last approved version; empty when there is none.
 */
changes: Array<string>, };

/**
 * A signed-off version, exactly as approved.
 */
export type FrozenVersion = { version: number, state: PlanState, content: PlanSnapshot, sections_html: Array<string>, sha256: string, approvals: Array<Approval>, 
/**
 * The standards-check gaps it was approved with.
 */
open_gaps: Array<CheckItem>, frozen_at: string, };

/**
 * What an export wrote.
 */
export type PdfExportSummary = { path: string, pages: number, version: number, sha256: string, 
/**
 * Characters no shipped font has; they show as boxes in the PDF.
 */
missing: Array<string>, 
/**
 * Who signed it, when it was signed.
 */
signed_by: string | null, };

export type IdentityInfo = { id: string, name: string, kind: IdentityKind, 
/**
 * RFC 3339.
 */
created_at: string, };

export type IdentityKind = "self_signed" | "imported";

/**
 * Sign an export with identity `identity_id`, opened with `passphrase`.
 */
export type SigningRequest = { identity_id: string, passphrase: string, };

export type CheckItem = { 
/**
 * The clause or outline element, e.g. `8.4.4 d)`.
 */
element: string, label: string, present: boolean, 
/**
 * What to do, and where, when it is missing.
 */
fix: string, 
/**
 * The section to open to fix it, when it is a section.
 */
section: string | null, };

export type PlanSnapshot = { plan_id: number, version: number, organisation: string, title: string, template: PlanTemplate, owner: string, 
/**
 * What the plan covers, in words: "The whole organisation", or the names chosen.
 */
scope: string, review_months: number, sections: Array<SectionText>, activities: Array<ActivityRow>, resources: Array<ResourceRow>, diagram: Diagram, gaps: Array<GapRow>, spofs: Array<SpofRow>, sequence: Array<SequenceRow>, steps: Array<StepRow>, teams: Array<TeamRow>, contacts: Array<ContactRow>, call_tree: Array<CallRow>, approvers: Array<ApproverRow>, 
/**
 * When to invoke the plan. Left out of the JSON when empty, so that versions frozen
 * before plans had criteria keep their canonical form (and their SHA-256).
 */
invocation_criteria?: Array<CriterionRow>, 
/**
 * Who may invoke the plan; left out when empty, as the criteria are.
 */
invokers?: Array<InvokerRow>, 
/**
 * The actions about the plan still open when this content was made, so the author
 * sees them while rewriting; left out when empty, as the criteria are.
 */
open_actions?: Array<OpenActionRow>, };

/**
 * The Markdown an author wrote for a section (empty when not written yet).
 */
export type SectionText = { key: string, title: string, body: string, };

export type ActivityRow = { name: string, unit: string | null, mtpd_min: Duration | null, rto_min: Duration | null, rpo_min: Duration | null, 
/**
 * Percent, or the statement of the minimum service.
 */
mbco: string, tier: number | null, validated: boolean, };

export type ResourceRow = { name: string, kind: ResourceKind, owner: string, strategy: string, rtc_min: Duration | null, rpc_min: Duration | null, evidence: string, needed_by: Array<string>, };

export type Diagram = { nodes: Array<DiagramNode>, edges: Array<DiagramEdge>, width: number, height: number, node_width: number, node_height: number, };

/**
 * A gap as a version froze it: the node and its path by name. Its JSON is part of the
 * hashed content, so its fields, their order and their names never change.
 */
export type GapRow = { kind: GapKind, node: string, 
/**
 * The requirement, in whole minutes (RTO or RPO; for `chain`, the activity's RTO).
 */
required_min: Duration | null, 
/**
 * What the node can do, in whole minutes (RTC, RPC; for `chain`, the prediction).
 */
capability_min: Duration | null, 
/**
 * From the activity that sets the requirement down to the node.
 */
path: Array<string>, 
/**
 * The gap in words, after the node's name. (Absent in snapshots frozen before it
 * existed.)
 */
explanation: string, };

/**
 * A single point of failure as a version froze it: the resource, and the activities
 * in scope its loss alone stops, by name. Frozen like [`GapRow`].
 */
export type SpofRow = { resource: string, breaks: Array<string>, };

export type DiagramNode = { name: string, 
/**
 * `None` for an activity.
 */
kind: ResourceKind | null, status: NodeStatus, x: number, y: number, };

/**
 * Node `from` needs node `to` (indices into the diagram's nodes).
 */
export type DiagramEdge = { from: number, to: number, group: string, };

/**
 * A resource in recovery order: when it can start (everything it needs is back) and
 * when it is back, after a total loss.
 */
export type SequenceRow = { name: string, kind: ResourceKind, start_min: Duration | null, finish_min: Duration | null, 
/**
 * On the critical path of an activity in scope.
 */
critical: boolean, };

export type StepRow = { title: string, owner_role: string, duration_min: Duration | null, 
/**
 * The resource this step restores.
 */
resource: string | null, preconditions: string, 
/**
 * Set when the step comes before a step restoring something it needs.
 */
warning: string | null, };

export type TeamRow = { name: string, description: string, members: Array<MemberRow>, };

export type MemberRow = { name: string, role: string, 
/**
 * The member this one stands in for.
 */
alternate_of: string | null, };

export type ContactRow = { name: string, role: string, phone: string, phone_alt: string, email: string, location: string, 
/**
 * `YYYY-MM-DD`.
 */
last_verified: string | null, };

export type CallRow = { 
/**
 * `None`: the person who invokes the plan.
 */
caller: string | null, callee: string, fallback: string | null, };

export type ApproverRow = { name: string, role: string, };

/**
 * A criterion for invoking the plan, as a version froze it.
 */
export type CriterionRow = { text: string, 
/**
 * "Expected to last longer than", in whole minutes.
 */
threshold_min: Duration | null, };

/**
 * Who may invoke the plan, as a version froze it: a person by name, or anyone holding
 * `role` when no name is given; with an alternate.
 */
export type InvokerRow = { name: string | null, role: string, alternate: string | null, };

/**
 * A criterion for invoking the plan, e.g. "The warehouse cannot be used", expected to
 * last longer than a threshold.
 */
export type CriterionInput = { text: string, 
/**
 * As typed (`2h`), or empty: no threshold.
 */
threshold: string, };

/**
 * Who may invoke the plan: a named person, or anyone holding a role; with an alternate
 * who may invoke in their place.
 */
export type InvokerInput = { person_id: number | null, role: string, alternate_id: number | null, };

/**
 * What kind of event: an incident, or an exercise of one of five types. They share the
 * board and the log.
 */
export type EventKind = "incident" | "tabletop" | "walkthrough" | "simulation" | "parallel" | "full_interruption";

/**
 * Where an event stands: opened (assessed, no plan invoked yet), invoked, stood down.
 */
export type EventState = "open" | "invoked" | "stood_down";

/**
 * An event in the list.
 */
export type EventSummary = { id: number, kind: EventKind, title: string, state: EventState, disrupted_at: string, opened_at: string, };

/**
 * The kind of a log entry.
 */
export type LogKind = "decision" | "action" | "communication" | "status" | "note";

/**
 * One entry of an event's decision log, as stored.
 */
export type LogEntry = { seq: number, at: string, author: string, kind: LogKind, text: string, 
/**
 * Why, for a decision; empty otherwise.
 */
rationale: string, 
/**
 * The entry this one corrects.
 */
corrects: number | null, fact: Fact | null, 
/**
 * The previous entry's hash (64 zeros for the first).
 */
prev: string, hash: string, };

/**
 * What a log entry records for the board, beyond its words. Part of the hashed entry,
 * so its shape never changes once written.
 */
export type Fact = { "type": "opened", title: string, description: string, disrupted_at: string, reported_by: string, 
/**
 * What was named as affected (activities and resources), by name.
 */
affects: Array<string>, activities: Array<AffectedActivity>, } | { "type": "invoked", plan_id: number, plan_title: string, version: number, sha256: string, 
/**
 * A later draft of the plan existed and was not invoked.
 */
draft_version: number | null, invoker: string, authority: Authority, 
/**
 * The criteria ticked as met, by number in the version's list (from 1).
 */
criteria: Array<number>, } | { "type": "step_started", plan_id: number, step: number, } | { "type": "step_done", plan_id: number, step: number, } | { "type": "call", person: string, outcome: CallOutcome, } | { "type": "resumed", activity: string, level: Level, restore_point: string | null, } | { "type": "stood_down", summary: string, 
/**
 * Who decided it (empty: the entry's author).
 */
by?: string, } | { "type": "exercise_started", clock: ExerciseClock, objectives: Array<string>, injects: Array<Inject>, } | { "type": "clock_set", offset_min: Duration, } | { "type": "observed", inject: number, expected: number, rating: Rating, note?: string, } | { "type": "restored", resource_id: number, resource: string, restore_point: string | null, };

/**
 * An activity an event affects, with the targets it is measured against.
 */
export type AffectedActivity = { activity_id: number, name: string, tier: number | null, rto_min: Duration | null, mtpd_min: Duration | null, rpo_min: Duration | null, 
/**
 * The minimum level (MBCO/MASL) in words: a percentage or a statement.
 */
minimum: string, 
/**
 * Why it is affected: named as affected, or what it needs that was lost.
 */
why: string, };

/**
 * Why an invoker may invoke: how the frozen version names them, or the reason they
 * gave for invoking without being named.
 */
export type Authority = { "type": "named" } | { "type": "alternate_of", name: string, } | { "type": "role", role: string, } | { "type": "without_authority", reason: string, } | { "type": "not_stated" } | { "type": "exercise" };

/**
 * How a call of the call tree went.
 */
export type CallOutcome = "reached" | "no_answer" | "unreachable";

/**
 * The level an activity is back at: its minimum (MBCO/MASL) or normal.
 */
export type Level = "minimum" | "normal";

/**
 * An incident as typed when it is opened.
 */
export type OpenIncidentInput = { title: string, description: string, 
/**
 * When the disruption began; `None`: now.
 */
disrupted_at: string | null, reported_by: string, 
/**
 * Activities and resources lost, by node key (`activity:ID`, `resource:ID`).
 */
affects: Array<string>, };

/**
 * An invocation as typed.
 */
export type InvokeInput = { plan_id: number, invoker: string, 
/**
 * The criteria met, by number in the plan's list (from 1).
 */
criteria: Array<number>, 
/**
 * Required when the invoker is not named in the plan.
 */
reason: string, };

/**
 * A log entry as typed.
 */
export type LogInput = { kind: LogKind, text: string, rationale: string, corrects: number | null, };

/**
 * One thing recorded on the board, as typed in the app or on the command line.
 */
export type BoardAction = { "type": "invoke" } & InvokeInput | { "type": "log" } & LogInput | { "type": "step_start", plan_id: number | null, step: number, } | { "type": "step_done", plan_id: number | null, step: number, } | { "type": "call", person: string, outcome: CallOutcome, } | { "type": "resume", activity: string, level: Level, restore_point: string | null, } | { "type": "stand_down", summary: string, by: string, } | { "type": "advance", to: string, } | { "type": "observe", inject: number, expected: number, rating: Rating, note: string, } | { "type": "restore", resource: string, restore_point: string | null, };

export type Board = { id: number, kind: EventKind, title: string, description: string, state: EventState, disrupted_at: string, opened_at: string, reported_by: string, 
/**
 * What was named as affected.
 */
affects: Array<string>, invoked_at: string | null, stood_down_at: string | null, stood_down_by: string | null, summary: string | null, 
/**
 * The time the board was worked out for.
 */
now: string, 
/**
 * The first plan invoked (the one most incidents have).
 */
plan: PlanRef | null, plans: Array<BoardPlan>, activities: Array<BoardActivity>, 
/**
 * Every entry, oldest first.
 */
log: Array<LogEntry>, chain_ok: boolean, chain: ChainCheck, 
/**
 * Once stood down: what the post-incident review starts from (targets missed,
 * overruns, steps out of order or left running, calls unanswered).
 */
review: Array<string>, };

export type PlanRef = { id: number, version: number, sha256: string, };

export type BoardPlan = { plan_id: number, title: string, version: number, sha256: string, 
/**
 * A later draft existed when the plan was invoked; it was not used.
 */
draft_version: number | null, invoked_at: string, invoker: string, authority: Authority, criteria: Array<BoardCriterion>, calls: Array<BoardCall>, steps: Array<BoardStep>, };

export type BoardCriterion = { number: number, text: string, met: boolean, };

export type BoardCall = { 
/**
 * `None`: the invoker.
 */
caller: string | null, callee: string, fallback: string | null, outcome: CallOutcome | null, at: string | null, 
/**
 * Minutes from invocation to the outcome.
 */
after_min: number | null, 
/**
 * The callee did not answer or cannot be reached and the fall-back is not reached yet.
 */
fallback_due: boolean, fallback_outcome: CallOutcome | null, fallback_at: string | null, };

export type BoardStep = { number: number, title: string, owner_role: string, estimate_min: Duration | null, resource: string | null, preconditions: string, 
/**
 * The plan's own warning (the step comes before one restoring what it needs).
 */
plan_warning: string | null, started_at: string | null, done_at: string | null, 
/**
 * Minutes from start to finish, or to now while running.
 */
elapsed_min: number | null, overrun: boolean, 
/**
 * Started before a step restoring something it needs was done.
 */
out_of_order: string | null, };

export type BoardActivity = { name: string, tier: number | null, why: string, rto_min: Duration | null, mtpd_min: Duration | null, rpo_min: Duration | null, minimum: string, priority: number, priority_why: string, rto_deadline: string | null, mtpd_deadline: string | null, 
/**
 * Minutes left at `now` (negative: passed).
 */
rto_left_min: number | null, mtpd_left_min: number | null, 
/**
 * When it is predicted back, from the estimates of the steps that remain.
 */
predicted_at: string | null, predicted_why: string, status: ActivityStatus, minimum_at: string | null, normal_at: string | null, restore_point: string | null, 
/**
 * Back at the minimum level − disruption start.
 */
achieved_rto_min: number | null, 
/**
 * Disruption start − restore point.
 */
achieved_rpo_min: number | null, };

export type ActivityStatus = "on_track" | "at_risk" | "missed_rto" | "missed_mtpd" | "met";

/**
 * What checking a chain found.
 */
export type ChainCheck = { ok: boolean, entries: number, 
/**
 * The last entry's hash: the whole log's fingerprint.
 */
head: string, 
/**
 * The first entry that does not match, and why.
 */
broken_at: number | null, problem: string, };

/**
 * What `keel incident verify` found.
 */
export type IncidentCheck = { ok: boolean, chain: ChainCheck, 
/**
 * One line per plan version invoked: matches its SHA-256, or how it does not.
 */
plans: Array<string>, problems: Array<string>, };

/**
 * What writing a report wrote, as the app shows it.
 */
export type ReportSummary = { path: string, pages: number, stood_down: boolean, chain_head: string, 
/**
 * The chain and the plan versions invoked verified.
 */
verified: boolean, missing: Array<string>, signed_by: string | null, };

/**
 * How an exercise tells time: the wall clock (parallel and full tests), or a scenario
 * clock the facilitator advances ("it is now T+4h") for tabletops.
 */
export type ExerciseClock = "real" | "scenario";

/**
 * Where an exercise stands: prepared (its log still empty), running, closed.
 */
export type ExerciseState = "planned" | "running" | "closed";

/**
 * An exercise in the list.
 */
export type ExerciseSummary = { id: number, type: EventKind, title: string, 
/**
 * When it is (or was) held.
 */
date: string, state: ExerciseState, clock: ExerciseClock, facilitator: string, };

/**
 * What an observer saw of an expected action.
 */
export type Rating = "observed" | "partly" | "missed";

/**
 * One inject: what the facilitator brings up at `offset` after the start, and the
 * responses expected of the players.
 */
export type Inject = { 
/**
 * From 1, in the order of the timeline.
 */
number: number, offset_min: Duration, text: string, expected: Array<string>, 
/**
 * The activity it was drafted from (empty for one added by hand).
 */
activity?: string, };

/**
 * An inject as typed; the offset in the words durations are typed in (`4h`, `T+4h`).
 */
export type InjectInput = { offset: string, text: string, expected: Array<string>, activity: string, };

/**
 * An exercise as prepared.
 */
export type NewExerciseInput = { 
/**
 * `tabletop`, `walkthrough`, `simulation`, `parallel`, `full_interruption`.
 */
kind: string, title: string, 
/**
 * When it is to be held (for a scenario clock, the scenario's T+0).
 */
date: string | null, 
/**
 * `real` or `scenario`; empty: the kind's usual clock.
 */
clock: string, facilitator: string, 
/**
 * People by name.
 */
participants: Array<string>, observers: Array<string>, objectives: Array<string>, success_criteria: string, 
/**
 * The plans tested, by id: their last approved version.
 */
plans: Array<number>, 
/**
 * What the scenario loses, by node key (`resource:ID`, `activity:ID`).
 */
lost: Array<string>, 
/**
 * The scenario in words; empty: drafted from what is lost.
 */
scenario: string, };

/**
 * A recovery capability shown in an exercise.
 */
export type Demonstration = { resource_id: number, event_id: number, 
/**
 * The log entry that restored it.
 */
seq: number, demonstrated_at: string, rtc_min: Duration, rpc_min: Duration | null, };

export type Severity = "low" | "medium" | "high" | "critical";

export type FindingCategory = "plan" | "people" | "technology" | "supplier" | "communication" | "facilities";

/**
 * What a finding is about: a plan, a step of a plan, a resource, an activity or a
 * person, with its name when the finding was recorded.
 */
export type About = { "type": "plan", id: number, name: string, } | { "type": "step", plan_id: number, step: number, name: string, } | { "type": "resource", id: number, name: string, } | { "type": "activity", id: number, name: string, } | { "type": "person", id: number, name: string, };

/**
 * A finding as typed.
 */
export type FindingInput = { severity: string, category: string, 
/**
 * `plan:ID`, `step:PLAN:N`, `resource:ID`, `activity:ID`, `person:ID`, or empty.
 */
about: string, text: string, };

/**
 * A finding as stored.
 */
export type Finding = { id: number, 
/**
 * The exercise or incident it came from; `None` for a plan review.
 */
event_id: number | null, severity: Severity, category: FindingCategory, about: About | null, text: string, created_at: string, created_by: string, };

/**
 * The board of a running or closed exercise.
 */
export type ExerciseBoard = { clock: ExerciseClock, state: ExerciseState, 
/**
 * T+0: when the scenario begins (the start, on the real clock).
 */
start: string, 
/**
 * The exercise's time now, and how long after T+0 that is.
 */
now: string, elapsed_min: number, objectives: Array<string>, injects: Array<InjectRow>, 
/**
 * The next inject still to come up.
 */
next_inject: number | null, restored: Array<RestoredRow>, score: Score, 
/**
 * The incident board, in exercise time; its log keeps the times written.
 */
board: Board, };

export type InjectRow = { inject: Inject, due_at: string, 
/**
 * Its time has come.
 */
up: boolean, expected: Array<ExpectedRow>, };

/**
 * An expected action and what the observers made of it (the latest rating counts).
 */
export type ExpectedRow = { number: number, text: string, rating: Rating | null, note: string, by: string, };

/**
 * A resource restored during the exercise.
 */
export type RestoredRow = { resource_id: number, resource: string, 
/**
 * The log entry that recorded it.
 */
seq: number, 
/**
 * In exercise time, and when it was written.
 */
at: string, recorded_at: string, 
/**
 * T+0 to restored: the recovery time achieved.
 */
achieved_rtc_min: number, restore_point: string | null, 
/**
 * Restore point to T+0: the data lost.
 */
achieved_rpc_min: number | null, };

/**
 * The observers' ratings added up: observed counts 2, partly 1, missed 0.
 */
export type Score = { observed: number, partly: number, missed: number, 
/**
 * Expected actions of injects already up that nobody rated yet.
 */
unrated: number, 
/**
 * Points over the most the rated actions could score, in percent.
 */
percent: number | null, };

/**
 * An exercise: its preparation and debrief, its board once it has started, and the
 * findings recorded against it.
 */
export type ExerciseView = { exercise: ExercisePrep, board: ExerciseBoard | null, findings: Array<Finding>, };

/**
 * An exercise's preparation and debrief, as stored.
 */
export type ExercisePrep = { id: number, type: EventKind, title: string, 
/**
 * When it is held; on a scenario clock, T+0.
 */
date: string, state: ExerciseState, clock: ExerciseClock, facilitator: string, scenario: string, lost: Array<string>, success_criteria: string, strengths: string, weaknesses: string, people: Array<ExercisePerson>, objectives: Array<ObjectiveRow>, plans: Array<TestedVersion>, injects: Array<Inject>, };

/**
 * Someone taking part, as a participant or an observer.
 */
export type ExercisePerson = { person_id: number, name: string, 
/**
 * `participant` or `observer`.
 */
role: string, };

/**
 * A plan version the exercise tests.
 */
export type TestedVersion = { plan_id: number, title: string, version: number, sha256: string, };

/**
 * An objective and, after the debrief, whether it was met.
 */
export type ObjectiveRow = { number: number, text: string, met: boolean | null, };

/**
 * How often things are looked at again, in months.
 */
export type ReviewSettings = { bia_review_months: number, demonstration_validity_months: number, exercise_interval_months: number, };

export type ActionStatus = "open" | "in_progress" | "done" | "verified" | "risk_accepted";

/**
 * Where an action comes from.
 */
export type ActionSource = "finding" | "incident_review" | "plan_review";

/**
 * An action as stored, with its owner's and its plan's names.
 */
export type Action = { id: number, title: string, description: string, owner_id: number, owner: string, due: string, status: ActionStatus, source: ActionSource, finding_id: number | null, event_id: number | null, 
/**
 * The plan it is about: named by a plan review, or by the finding it comes from.
 */
plan_id: number | null, plan_title: string | null, 
/**
 * When it was marked done (kept once verified).
 */
done_at: string | null, 
/**
 * The approved version of its plan that closed it.
 */
verified_version: number | null, accepted_by: string, accepted_why: string, created_at: string, updated_at: string, };

/**
 * A new action as typed. `source` is `finding`, `incident_review` or `plan_review`;
 * a finding's action names the finding, an incident review's the incident, a plan
 * review's the plan.
 */
export type ActionInput = { title: string, description: string, owner_id: number | null, 
/**
 * `YYYY-MM-DD` (or the engagement's date order).
 */
due: string, source: string, finding_id: number | null, event_id: number | null, plan_id: number | null, };

/**
 * A change to an action as typed: each field left `None` stays as it is. Accepting a
 * risk needs `accepted_by` and `accepted_why`.
 */
export type ActionEdit = { title: string | null, description: string | null, owner_id: number | null, due: string | null, status: string | null, accepted_by: string | null, accepted_why: string | null, };

/**
 * An action about the plan still to be done (open or in progress).
 */
export type OpenActionRow = { title: string, owner: string, 
/**
 * `YYYY-MM-DD`.
 */
due: string, 
/**
 * `open` or `in progress`.
 */
status: string, 
/**
 * Where it comes from, in words: "finding: …", "plan review", "post-incident review".
 */
from: string, };

/**
 * The review on one day.
 */
export type Review = { today: string, 
/**
 * Most urgent first.
 */
items: Array<ReviewItem>, 
/**
 * How many items of each kind (kinds with none left out), in the kinds' order.
 */
counts: Array<KindCount>, 
/**
 * Every approved plan, with when it was last exercised.
 */
programme: Array<ProgrammeRow>, };

/**
 * One stale thing.
 */
export type ReviewItem = { kind: ReviewKind, subject: Subject, 
/**
 * When it was (or is) due; `None` when it has no date.
 */
due: string | null, 
/**
 * Why it is listed, in a sentence or two.
 */
why: string, severity: Severity, link: ReviewLink, 
/**
 * For an action: who owns it.
 */
owner?: string, };

/**
 * What kind of stale thing an item is.
 */
export type ReviewKind = "plan_review_due" | "plan_finding" | "contact_unverified" | "bia_outdated" | "bia_changed" | "demonstration_expired" | "demonstration_expiring" | "not_demonstrated" | "action_overdue" | "action_open" | "exercise_due";

/**
 * What an item is about.
 */
export type Subject = { type: SubjectType, id: number, name: string, };

export type SubjectType = "plan" | "person" | "activity" | "resource" | "action";

/**
 * Where an item is fixed: a page and the record to open on it.
 */
export type ReviewLink = { page: LinkPage, id: number, };

/**
 * The page where an item is fixed.
 */
export type LinkPage = "plans" | "people" | "interview" | "resources" | "actions" | "exercises";

export type KindCount = { kind: ReviewKind, 
/**
 * A heading for the items of this kind.
 */
label: string, count: number, };

/**
 * A plan of the exercise programme: when it was last exercised and when the next
 * exercise is due.
 */
export type ProgrammeRow = { plan_id: number, title: string, last_exercised: string | null, 
/**
 * The exercise that last tested it.
 */
exercise_id: number | null, exercise_title: string | null, next_due: string | null, };
