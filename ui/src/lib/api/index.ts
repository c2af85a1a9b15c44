// The one seam between the UI and the Rust core. Only this folder imports @tauri-apps;
// components call these typed wrappers, and component tests mock this module.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';

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
  ReportSummary,
  StepInput,
  Team,
  TeamInput,
  ImportReport,
  ImportProgress,
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
  EngagementProgress,
  ErrorCode,
  OrgUnit,
  OrgUnitInput,
  Resource,
  ResourceCapabilityInput,
  Standing,
  WorkspaceState,
  WorkshopTimer,
  PresenterFocus,
  MapFocus,
  Presented,
  Board,
  BoardAction,
  EventSummary,
  IncidentCheck,
  OpenIncidentInput,
  Action,
  ActionEdit,
  ActionInput,
  Finding,
  Review,
  ReviewSettings,
  ExerciseSummary,
  ExerciseView,
  NewExerciseInput,
  InjectInput,
  FindingInput,
} from './gen/types';

export type * from './gen/types';

// Types of the shell itself (src-tauri), not of the core, so not generated: keep them in
// step with src-tauri/src/dialogs.rs and commands/import.rs.
/** What a file is chosen for; it decides the dialog (open or save) and its filter. */
export type FilePurpose = 'engagement' | 'new_engagement' | 'csv' | 'identity' | 'pdf';
/** A file chosen in one of Keel's dialogs: commands take its `id`; `path` is to show. */
export type ChosenFile = { id: number; path: string };
/** The CSV files to import, by the ids their dialogs gave. */
export type ChosenImportFiles = { activities: number | null; resources: number | null; dependencies: number | null };

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

/** Calls sent to the core and not yet answered. */
const inFlight = new Set<Promise<unknown>>();

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  const answer = invoke<T>(command, args);
  inFlight.add(answer);
  try {
    return await answer;
  } catch (error) {
    if (isApiError(error)) throw new KeelError(error);
    throw new KeelError({ code: 'internal', message: String(error), fields: {} });
  } finally {
    inFlight.delete(answer);
  }
}

// Changes go to the core one after another, in the order they were made. The core runs
// each command on a thread of its own (the window never waits), so two changes sent at
// once (keystrokes of one field, say) could otherwise commit in either order.
let writeQueue: Promise<unknown> = Promise.resolve();
let writesPending = 0;
const writeWatchers = new Set<(pending: number) => void>();

function write<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  writesPending++;
  for (const watch of writeWatchers) watch(writesPending);
  const result = writeQueue.then(() => call<T>(command, args));
  writeQueue = result.catch(() => undefined);
  const done = () => {
    writesPending--;
    for (const watch of writeWatchers) watch(writesPending);
  };
  result.then(done, done);
  return result;
}

/** Calls `watch` with the number of changes sent and not yet answered, as it changes;
 *  returns the unsubscribe. */
function onWrites(watch: (pending: number) => void): () => void {
  writeWatchers.add(watch);
  return () => writeWatchers.delete(watch);
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Resolves once no call is waiting for the core, including calls that the answers of
 *  earlier ones start (edits saved in order). */
async function settled(): Promise<void> {
  await nextTask();
  while (inFlight.size > 0 || writesPending > 0) {
    await Promise.allSettled([...inFlight, writeQueue]);
    await nextTask();
  }
}

/** Shows the open or save dialog for `purpose` (it runs on the Rust side, which keeps
 *  the answer); null when cancelled. */
const chooseFile = (purpose: FilePurpose, suggested: string | null = null) =>
  call<ChosenFile | null>('choose_file', { purpose, suggested });

export const api = {
  settled,
  onWrites,
  workspaceState: () => call<WorkspaceState>('workspace_state'),
  /** Opens the sample engagement (written into the engagements folder the first time). */
  openSample: () => write<WorkspaceState>('open_sample'),
  /** How far the planning has got, counted per step. */
  engagementProgress: () => call<EngagementProgress>('engagement_progress'),
  /** Opens an engagement of the recent list. */
  openEngagement: (path: string) => write<WorkspaceState>('open_engagement', { path }),
  /** Opens the engagement chosen with `chooseEngagementFile`. */
  openChosenEngagement: (file: number) => write<WorkspaceState>('open_chosen_engagement', { file }),
  /** Creates an engagement where `chooseNewEngagementPath` said, or (null) where Keel proposes. */
  createEngagement: (organisation: string, file: number | null) =>
    write<WorkspaceState>('create_engagement', { organisation, file }),
  proposeEngagementPath: (organisation: string) =>
    call<string>('propose_engagement_path', { organisation }),
  forgetRecent: (path: string) => write<WorkspaceState>('forget_recent', { path }),
  setFacilitatorName: (name: string) => write<WorkspaceState>('set_facilitator_name', { name }),

  updateDetails: (input: EngagementDetailsInput) => write<EngagementDetails>('update_details', { input }),
  engagementInfo: () => call<EngagementInfo>('engagement_info'),
  auditLog: (limit: number) => call<AuditEntry[]>('audit_log', { limit }),
  /** Ends the open editing runs: what was typed is in the audit log now (on blur, before quitting). */
  closeEditingRuns: () => write<null>('close_editing_runs'),

  listUnits: () => call<OrgUnit[]>('list_units'),
  addUnit: (input: OrgUnitInput) => write<OrgUnit>('add_unit', { input }),
  updateUnit: (id: number, input: OrgUnitInput) => write<OrgUnit>('update_unit', { id, input }),
  deleteUnit: (id: number) => write<null>('delete_unit', { id }),

  listActivities: (query: ActivityQuery) => call<Activity[]>('list_activities', { query }),
  addActivity: (input: ActivityInput) => write<Activity>('add_activity', { input }),
  updateActivity: (id: number, input: ActivityInput) => write<Activity>('update_activity', { id, input }),
  deleteActivity: (id: number) => write<null>('delete_activity', { id }),

  biaSettings: () => call<BiaSettings>('bia_settings'),
  editBiaSettings: (edit: BiaSettingsEdit) => write<BiaSettings>('edit_bia_settings', { edit }),
  interview: (activityId: number) => call<InterviewView>('interview', { activityId }),
  /** Applies edits in order, in one transaction: all of them or none. A single value
   *  typed that cannot be accepted is kept as typed, unresolved, in the view instead. */
  editInterview: (activityId: number, edits: InterviewEdit[]) =>
    write<InterviewView>('edit_interview', { activityId, edits }),
  biaResults: () => call<BiaResult[]>('bia_results'),
  /** How many values in the engagement are kept as typed and not accepted yet. */
  unresolvedCount: () => call<number>('unresolved_count'),
  biaCompleteness: () => call<BiaCompleteness>('bia_completeness'),
  listResources: () => call<Resource[]>('list_resources'),
  dependencyAnalysis: () => call<Analysis>('dependency_analysis'),
  resourceCapability: (resourceId: number) => call<ResourceCapabilityInput>('resource_capability', { resourceId }),
  capabilityStanding: (resourceId: number) => call<Standing>('capability_standing', { resourceId }),
  setResourceCapability: (resourceId: number, input: ResourceCapabilityInput) =>
    write<ResourceCapabilityInput>('set_resource_capability', { resourceId, input }),
  dependencyMap: () => call<DependencyMap>('dependency_map'),
  /** Keeps a node (`activity:ID`, `resource:ID`) where it was dragged to. */
  setMapPosition: (node: string, at: MapPosition) => write<null>('set_map_position', { node, at }),
  resetMapLayout: () => write<DependencyMap>('reset_map_layout'),
  /** `from` needs `to`; a non-empty group makes it one of `from`'s alternatives. */
  addNeed: (from: string, to: string, group: string) => write<DependencyMap>('add_need', { from, to, group }),
  removeNeed: (from: string, to: string) => write<DependencyMap>('remove_need', { from, to }),
  listPeople: () => call<Person[]>('list_people'),
  addPerson: (input: PersonInput) => write<Person>('add_person', { input }),
  updatePerson: (id: number, input: PersonInput) => write<Person>('update_person', { id, input }),
  deletePerson: (id: number) => write<null>('delete_person', { id }),
  listTeams: () => call<Team[]>('list_teams'),
  addTeam: (input: TeamInput) => write<Team>('add_team', { input }),
  updateTeam: (id: number, input: TeamInput) => write<Team>('update_team', { id, input }),
  deleteTeam: (id: number) => write<null>('delete_team', { id }),

  listPlans: () => call<PlanSummary[]>('list_plans'),
  createPlan: (input: NewPlanInput) => write<PlanView>('create_plan', { input }),
  planView: (planId: number) => call<PlanView>('plan_view', { planId }),
  /** Edits the working version; an approved plan starts its next draft version. */
  editPlan: (planId: number, edit: PlanEdit) => write<PlanView>('edit_plan', { planId, edit }),
  submitPlan: (planId: number) => write<PlanView>('submit_plan', { planId }),
  withdrawPlan: (planId: number) => write<PlanView>('withdraw_plan', { planId }),
  approvePlan: (planId: number, name: string, role: string, comment: string) =>
    write<PlanView>('approve_plan', { planId, name, role, comment }),
  frozenPlanVersion: (planId: number, version: number) =>
    call<FrozenVersion>('frozen_plan_version', { planId, version }),
  proposePlanSteps: (planId: number) => call<StepInput[]>('propose_plan_steps', { planId }),
  /** Writes version `version` (the working version when null) as a PDF to the file
   *  chosen with `choosePdfPath`. */
  exportPlan: (planId: number, version: number | null, file: number, signing: SigningRequest | null) =>
    call<PdfExportSummary>('export_plan', { planId, version, file, signing }),
  /** The after-action report of an incident, to the file chosen with `choosePdfPath`. */
  exportIncidentReport: (incidentId: number, file: number, signing: SigningRequest | null) =>
    call<ReportSummary>('export_incident_report', { incidentId, file, signing }),
  listIdentities: () => call<IdentityInfo[]>('list_identities'),
  /** Makes a key and a self-signed certificate, kept under the passphrase. */
  createIdentity: (name: string, organisation: string, passphrase: string) =>
    call<IdentityInfo>('create_identity', { name, organisation, passphrase }),
  /** Imports the PKCS#12 file chosen with `chooseIdentityFile`. */
  importIdentity: (file: number, passphrase: string) => call<IdentityInfo>('import_identity', { file, passphrase }),
  /** Asks for a PKCS#12 file; null when cancelled. */
  chooseIdentityFile: () => chooseFile('identity'),
  /** Opens the PDF exported last in the system's reader. */
  openExportedPdf: () => call<null>('open_exported_pdf'),
  /** Asks where to save a PDF, starting from `fileName`; null when cancelled. */
  choosePdfPath: (fileName: string) => chooseFile('pdf', fileName),
  /** Opens a link from a plan in the system's browser (http, https, mailto only). */
  openLink: (url: string) => call<null>('open_link', { url }),

  /** Imports the chosen CSV files; with `dryRun`, only says what it would do. */
  importCsv: (files: ChosenImportFiles, dryRun: boolean) =>
    // A preview writes nothing: it does not wait for changes, nor count as one.
    dryRun ? call<ImportReport>('import_csv', { files, dryRun }) : write<ImportReport>('import_csv', { files, dryRun }),
  /** Calls `handler` as an import (or its preview) reads rows; returns the unsubscribe. */
  onImportProgress: (handler: (progress: ImportProgress) => void): Promise<() => void> =>
    listen<ImportProgress>('import-progress', (event) => handler(event.payload)),
  /** Runs `beforeClose` when the window is asked to close, then lets it close. */
  onCloseRequested: (beforeClose: () => Promise<void>): Promise<() => void> =>
    getCurrentWindow().onCloseRequested(() => beforeClose()),

  /** Shows this activity's interview on the projector; opens that window if asked. */
  presentInterview: (activityId: number, openWindow: boolean) =>
    call<null>('present_interview', { activityId, openWindow }),
  presentedInterview: () => call<InterviewView | null>('presented_interview'),
  /** Shows the map, focused on `focus` (null: the whole map), on the projector and opens
   *  that window when asked; otherwise the projector follows only if it shows the map. */
  presentMap: (focus: MapFocus | null, openWindow: boolean) => call<null>('present_map', { focus, openWindow }),
  /** What the projector shows: an interview or the map; null before anything was. */
  presented: () => call<Presented | null>('presented'),
  /** Calls `handler` when the projector is given something else to show. */
  onPresented: (handler: (presented: Presented) => void): Promise<() => void> =>
    listen<Presented>('presented', (event) => handler(event.payload)),
  setPresentationFullscreen: (fullscreen: boolean) => call<null>('set_presentation_fullscreen', { fullscreen }),
  /** Calls `handler` with the interview after every change; returns the unsubscribe. */
  onInterviewChanged: (handler: (view: InterviewView) => void): Promise<() => void> =>
    listen<InterviewView>('interview-changed', (event) => handler(event.payload)),
  shareTimer: (timer: WorkshopTimer) => call<null>('share_timer', { timer }),
  /** Where the facilitator is in the interview, for the projector to follow. */
  sharePresenterFocus: (focus: PresenterFocus) => call<null>('share_presenter_focus', { focus }),
  presenterFocus: () => call<PresenterFocus | null>('presenter_focus'),
  onPresenterFocus: (handler: (focus: PresenterFocus) => void): Promise<() => void> =>
    listen<PresenterFocus>('presenter-focus', (event) => handler(event.payload)),
  savedTimer: () => call<WorkshopTimer | null>('saved_timer'),
  saveTimer: (timer: WorkshopTimer) => call<null>('save_timer', { timer }),
  onTimer: (handler: (timer: WorkshopTimer) => void): Promise<() => void> =>
    listen<WorkshopTimer>('workshop-timer', (event) => handler(event.payload)),
  listIncidents: () => call<EventSummary[]>('list_incidents'),
  /** The board of an incident at now (the core's clock). */
  incidentBoard: (incidentId: number) => call<Board>('incident_board', { incidentId }),
  /** Opens an incident; its board. */
  openIncident: (input: OpenIncidentInput) => write<Board>('open_incident', { input }),
  /** Records one thing on the board at now (invocation, call, step, resumption, log
   *  entry, stand-down); the board after it. */
  /** Records `action` at `at` (RFC 3339: when it happened, as told), or now. */
  recordIncident: (incidentId: number, action: BoardAction, at: string | null = null) =>
    write<Board>('record_incident', { incidentId, action, at }),
  verifyIncident: (incidentId: number) => call<IncidentCheck>('verify_incident', { incidentId }),
  /** Makes this incident the one the incident room shows; opens that window if asked. */
  showInIncidentRoom: (incidentId: number, openWindow: boolean) =>
    call<null>('show_in_incident_room', { incidentId, openWindow }),
  /** The board the incident room shows, null before one was given to it. */
  incidentRoomBoard: () => call<Board | null>('incident_room_board'),
  setIncidentRoomFullscreen: (fullscreen: boolean) => call<null>('set_incident_room_fullscreen', { fullscreen }),
  /** Every action, by due date. */
  listActions: () => call<Action[]>('list_actions'),
  addAction: (input: ActionInput) => write<Action>('add_action', { input }),
  /** Changes an action (each field left null stays); a refused change says why. */
  updateAction: (id: number, edit: ActionEdit) => write<Action>('update_action', { id, edit }),
  /** What has gone stale today, most urgent first. */
  reviewItems: () => call<Review>('review_items'),
  reviewSettings: () => call<ReviewSettings>('review_settings'),
  setReviewSettings: (settings: ReviewSettings) => write<ReviewSettings>('set_review_settings', { settings }),
  /** Calls `handler` with the board after every change to an incident. */
  onIncidentChanged: (handler: (board: Board) => void): Promise<() => void> =>
    listen<Board>('incident-changed', (event) => handler(event.payload)),
  /** Calls `handler` when the incident room is given another incident to show. */
  onIncidentRoomShows: (handler: (board: Board) => void): Promise<() => void> =>
    listen<Board>('incident-room-shows', (event) => handler(event.payload)),

  listExercises: () => call<ExerciseSummary[]>('list_exercises'),
  /** An exercise: its preparation, its board at now once started, its findings. */
  exerciseView: (exerciseId: number) => call<ExerciseView>('exercise_view', { exerciseId }),
  /** Prepares an exercise (its scenario and injects drafted from what is lost). */
  newExercise: (input: NewExerciseInput) => write<ExerciseView>('new_exercise', { input }),
  /** Replaces the injects of an exercise not started; refusals at `injects.I.FIELD`. */
  setExerciseInjects: (exerciseId: number, injects: InjectInput[]) =>
    write<ExerciseView>('set_exercise_injects', { exerciseId, injects }),
  /** Starts it: T+0, the tested plan versions invoked. */
  startExercise: (exerciseId: number) => write<ExerciseView>('start_exercise', { exerciseId }),
  /** Records one thing on its board now (clock, rating, step, call, restoration, log, close). */
  recordExercise: (exerciseId: number, action: BoardAction) =>
    write<ExerciseView>('record_exercise', { exerciseId, action }),
  /** The hot debrief: strengths, weaknesses, objectives met (number, met or not or undecided). */
  exerciseDebrief: (exerciseId: number, strengths: string, weaknesses: string, met: [number, boolean | null][]) =>
    write<ExerciseView>('exercise_debrief', { exerciseId, strengths, weaknesses, met }),
  /** Records a finding of an exercise or incident (`eventId`), or of a plan review (null). */
  addFinding: (eventId: number | null, input: FindingInput) => write<Finding>('add_finding', { eventId, input }),
  listFindings: (eventId: number | null = null) => call<Finding[]>('list_findings', { eventId }),
  /** The post-exercise report (ISO 22301 8.5) of an exercise, to the file chosen with
   *  `choosePdfPath`, signed when `signing` says with what. */
  exportExerciseReport: (exerciseId: number, file: number, signing: SigningRequest | null) =>
    call<ReportSummary>('export_exercise_report', { exerciseId, file, signing }),

  /** Which window this is: the main one, the projector's presentation window or the
   *  incident room (both read-only). */
  windowRole: (): 'main' | 'presentation' | 'incident-room' => {
    const view = (window as { __KEEL_VIEW__?: string }).__KEEL_VIEW__;
    return view === 'presentation' || view === 'incident-room' ? view : 'main';
  },

  /** This window's zoom (1 is 100%): everything drawn larger or smaller. */
  setZoom: (factor: number): Promise<void> => getCurrentWebview().setZoom(factor),

  /** Asks which engagement to open, starting from `suggested` (a file or folder); null
   *  when cancelled. */
  chooseEngagementFile: (suggested: string | null = null) => chooseFile('engagement', suggested),
  /** Asks the user for a spreadsheet saved as CSV; null when cancelled. */
  chooseCsvFile: () => chooseFile('csv'),
  /** Asks the user where to create a new engagement; null when cancelled. */
  chooseNewEngagementPath: (defaultPath: string) => chooseFile('new_engagement', defaultPath),
};

export type Api = typeof api;
