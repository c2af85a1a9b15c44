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
export type ErrorCode = "validation" | "not_found" | "conflict" | "file" | "no_engagement" | "internal";

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
