// The one seam between the UI and the Rust core. Only this folder imports @tauri-apps;
// components call these typed wrappers, and component tests mock this module.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { open, save } from '@tauri-apps/plugin-dialog';

import type {
  Activity,
  Analysis,
  BiaCompleteness,
  BiaResult,
  BiaSettings,
  BiaSettingsEdit,
  DependencyMap,
  FrozenVersion,
  IdentityInfo,
  NewPlanInput,
  PdfExportSummary,
  Person,
  PersonInput,
  PlanEdit,
  PlanSummary,
  PlanView,
  SigningRequest,
  StepInput,
  Team,
  TeamInput,
  ImportFiles,
  ImportReport,
  MapPosition,
  InterviewEdit,
  InterviewView,
  ActivityInput,
  ActivityQuery,
  ApiError,
  AuditEntry,
  EngagementDetails,
  EngagementDetailsInput,
  EngagementInfo,
  ErrorCode,
  NewEngagementInput,
  OrgUnit,
  OrgUnitInput,
  Resource,
  ResourceCapabilityInput,
  WorkspaceState,
  WorkshopTimer,
} from './gen/types';

export type * from './gen/types';

/** An error from the core, in its `{ code, message, fields }` shape. */
export class KeelError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'KeelError';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isApiError(error)) throw new KeelError(error);
    throw new KeelError({ code: 'internal', message: String(error), fields: {} });
  }
}

const keelFiles = [{ name: 'Keel engagement', extensions: ['keel'] }];

export const api = {
  workspaceState: () => call<WorkspaceState>('workspace_state'),
  openEngagement: (path: string) => call<WorkspaceState>('open_engagement', { path }),
  createEngagement: (input: NewEngagementInput) => call<WorkspaceState>('create_engagement', { input }),
  proposeEngagementPath: (organisation: string) =>
    call<string>('propose_engagement_path', { organisation }),
  forgetRecent: (path: string) => call<WorkspaceState>('forget_recent', { path }),
  setFacilitatorName: (name: string) => call<WorkspaceState>('set_facilitator_name', { name }),

  updateDetails: (input: EngagementDetailsInput) => call<EngagementDetails>('update_details', { input }),
  engagementInfo: () => call<EngagementInfo>('engagement_info'),
  auditLog: (limit: number) => call<AuditEntry[]>('audit_log', { limit }),
  /** Ends the open editing runs: what was typed is in the audit log now (on blur, before quitting). */
  closeEditingRuns: () => call<null>('close_editing_runs'),

  listUnits: () => call<OrgUnit[]>('list_units'),
  addUnit: (input: OrgUnitInput) => call<OrgUnit>('add_unit', { input }),
  updateUnit: (id: number, input: OrgUnitInput) => call<OrgUnit>('update_unit', { id, input }),
  deleteUnit: (id: number) => call<null>('delete_unit', { id }),

  listActivities: (query: ActivityQuery) => call<Activity[]>('list_activities', { query }),
  addActivity: (input: ActivityInput) => call<Activity>('add_activity', { input }),
  updateActivity: (id: number, input: ActivityInput) => call<Activity>('update_activity', { id, input }),
  deleteActivity: (id: number) => call<null>('delete_activity', { id }),

  biaSettings: () => call<BiaSettings>('bia_settings'),
  editBiaSettings: (edit: BiaSettingsEdit) => call<BiaSettings>('edit_bia_settings', { edit }),
  interview: (activityId: number) => call<InterviewView>('interview', { activityId }),
  /** Applies edits in order, in one transaction: all of them or none. */
  editInterview: (activityId: number, edits: InterviewEdit[]) =>
    call<InterviewView>('edit_interview', { activityId, edits }),
  biaResults: () => call<BiaResult[]>('bia_results'),
  biaCompleteness: () => call<BiaCompleteness>('bia_completeness'),
  listResources: () => call<Resource[]>('list_resources'),
  dependencyAnalysis: () => call<Analysis>('dependency_analysis'),
  resourceCapability: (resourceId: number) => call<ResourceCapabilityInput>('resource_capability', { resourceId }),
  setResourceCapability: (resourceId: number, input: ResourceCapabilityInput) =>
    call<ResourceCapabilityInput>('set_resource_capability', { resourceId, input }),
  dependencyMap: () => call<DependencyMap>('dependency_map'),
  /** Keeps a node (`activity:ID`, `resource:ID`) where it was dragged to. */
  setMapPosition: (node: string, at: MapPosition) => call<null>('set_map_position', { node, at }),
  resetMapLayout: () => call<DependencyMap>('reset_map_layout'),
  /** `from` needs `to`; a non-empty group makes it one of `from`'s alternatives. */
  addNeed: (from: string, to: string, group: string) => call<DependencyMap>('add_need', { from, to, group }),
  removeNeed: (from: string, to: string) => call<DependencyMap>('remove_need', { from, to }),
  listPeople: () => call<Person[]>('list_people'),
  addPerson: (input: PersonInput) => call<Person>('add_person', { input }),
  updatePerson: (id: number, input: PersonInput) => call<Person>('update_person', { id, input }),
  deletePerson: (id: number) => call<null>('delete_person', { id }),
  listTeams: () => call<Team[]>('list_teams'),
  addTeam: (input: TeamInput) => call<Team>('add_team', { input }),
  updateTeam: (id: number, input: TeamInput) => call<Team>('update_team', { id, input }),
  deleteTeam: (id: number) => call<null>('delete_team', { id }),

  listPlans: () => call<PlanSummary[]>('list_plans'),
  createPlan: (input: NewPlanInput) => call<PlanView>('create_plan', { input }),
  planView: (planId: number) => call<PlanView>('plan_view', { planId }),
  /** Edits the working version; an approved plan starts its next draft version. */
  editPlan: (planId: number, edit: PlanEdit) => call<PlanView>('edit_plan', { planId, edit }),
  submitPlan: (planId: number) => call<PlanView>('submit_plan', { planId }),
  withdrawPlan: (planId: number) => call<PlanView>('withdraw_plan', { planId }),
  approvePlan: (planId: number, name: string, role: string, comment: string) =>
    call<PlanView>('approve_plan', { planId, name, role, comment }),
  frozenPlanVersion: (planId: number, version: number) =>
    call<FrozenVersion>('frozen_plan_version', { planId, version }),
  proposePlanSteps: (planId: number) => call<StepInput[]>('propose_plan_steps', { planId }),
  /** Writes version `version` (the working version when null) as a PDF at `path`. */
  exportPlan: (planId: number, version: number | null, path: string, signing: SigningRequest | null) =>
    call<PdfExportSummary>('export_plan', { planId, version, path, signing }),
  listIdentities: () => call<IdentityInfo[]>('list_identities'),
  /** Makes a key and a self-signed certificate, kept under the passphrase. */
  createIdentity: (name: string, organisation: string, passphrase: string) =>
    call<IdentityInfo>('create_identity', { name, organisation, passphrase }),
  importIdentity: (path: string, passphrase: string) => call<IdentityInfo>('import_identity', { path, passphrase }),
  /** Asks for a PKCS#12 file; null when cancelled. */
  chooseIdentityFile: async (): Promise<string | null> => {
    const chosen = await open({ multiple: false, directory: false, filters: [{ name: 'PKCS#12 identity', extensions: ['p12', 'pfx'] }] });
    return typeof chosen === 'string' ? chosen : null;
  },
  /** Opens the PDF exported last in the system's reader. */
  openExportedPdf: () => call<null>('open_exported_pdf'),
  /** Asks where to save a PDF; null when cancelled. */
  choosePdfPath: (defaultPath: string): Promise<string | null> =>
    save({ defaultPath, filters: [{ name: 'PDF document', extensions: ['pdf'] }] }),

  /** Imports the CSV files; with `dryRun`, only says what it would do. */
  importCsv: (files: ImportFiles, dryRun: boolean) => call<ImportReport>('import_csv', { files, dryRun }),

  /** Shows this activity's interview on the projector; opens that window if asked. */
  presentInterview: (activityId: number, openWindow: boolean) =>
    call<null>('present_interview', { activityId, openWindow }),
  presentedInterview: () => call<InterviewView | null>('presented_interview'),
  setPresentationFullscreen: (fullscreen: boolean) => call<null>('set_presentation_fullscreen', { fullscreen }),
  /** Calls `handler` with the interview after every change; returns the unsubscribe. */
  onInterviewChanged: (handler: (view: InterviewView) => void): Promise<() => void> =>
    listen<InterviewView>('interview-changed', (event) => handler(event.payload)),
  shareTimer: (timer: WorkshopTimer) => call<null>('share_timer', { timer }),
  onTimer: (handler: (timer: WorkshopTimer) => void): Promise<() => void> =>
    listen<WorkshopTimer>('workshop-timer', (event) => handler(event.payload)),
  /** Which window this is: the main one, or the read-only presentation window. */
  windowRole: (): 'main' | 'presentation' =>
    (window as { __KEEL_VIEW__?: string }).__KEEL_VIEW__ === 'presentation' ? 'presentation' : 'main',

  /** Asks the user for an engagement file to open; null when cancelled. */
  chooseEngagementFile: async (): Promise<string | null> => {
    const chosen = await open({ multiple: false, directory: false, filters: keelFiles });
    return typeof chosen === 'string' ? chosen : null;
  },
  /** Asks the user for a spreadsheet saved as CSV; null when cancelled. */
  chooseCsvFile: async (): Promise<string | null> => {
    const chosen = await open({ multiple: false, directory: false, filters: [{ name: 'CSV file', extensions: ['csv', 'txt'] }] });
    return typeof chosen === 'string' ? chosen : null;
  },
  /** Asks the user where to create a new engagement; null when cancelled. */
  chooseNewEngagementPath: (defaultPath: string): Promise<string | null> =>
    save({ defaultPath, filters: keelFiles }),
};

export type Api = typeof api;
