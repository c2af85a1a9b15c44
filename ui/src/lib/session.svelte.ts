// Which engagement is open and which page is shown: the app-wide state, in one place.
import { api, KeelError, type WorkspaceState } from '$lib/api';
import { saves } from '$lib/saves.svelte';

export type Page =
  | 'engagements'
  | 'overview'
  | 'activities'
  | 'audit'
  | 'interview'
  | 'bia-results'
  | 'bia-settings'
  | 'findings'
  | 'resources'
  | 'map'
  | 'import'
  | 'plans'
  | 'people'
  | 'incidents'
  | 'exercises'
  | 'review'
  | 'actions';

/** The workflow of the continuity cycle; only the stages that work are enabled. */
export const workflow: { stage: string; label: string; pages: { page: Page; label: string; /** Alt+key goes there; empty for none. */ key: string }[] }[] = [
  {
    stage: 'engagement',
    label: 'Engagement',
    pages: [
      { page: 'overview', label: 'Overview', key: '1' },
      { page: 'activities', label: 'Units & activities', key: '2' },
      { page: 'audit', label: 'Audit log', key: '3' },
    ],
  },
  {
    stage: 'bia',
    label: 'Business impact analysis',
    pages: [
      { page: 'interview', label: 'Interview', key: '4' },
      { page: 'bia-results', label: 'Results', key: '5' },
      { page: 'bia-settings', label: 'Settings', key: '6' },
    ],
  },
  {
    stage: 'dependencies',
    label: 'Dependencies',
    pages: [
      { page: 'findings', label: 'Findings', key: '7' },
      { page: 'resources', label: 'Resources', key: '8' },
      { page: 'map', label: 'Map', key: '9' },
      { page: 'import', label: 'Import spreadsheets', key: '' },
    ],
  },
  {
    stage: 'plans',
    label: 'Plans',
    pages: [
      { page: 'plans', label: 'Plans', key: '' },
      { page: 'people', label: 'People & teams', key: '' },
    ],
  },
  {
    stage: 'respond',
    label: 'Respond & recover',
    pages: [
      { page: 'incidents', label: 'Incidents', key: 'i' },
      { page: 'exercises', label: 'Exercises', key: 'e' },
    ],
  },
  {
    stage: 'review',
    label: 'Improve',
    pages: [
      { page: 'review', label: 'Review', key: 'r' },
      { page: 'actions', label: 'Actions', key: 'a' },
    ],
  },
];

/** Where a link from another page (a finding's remedy) takes the facilitator: the page,
 *  what it opens selected, and the field it puts focus in on arrival. */
export type Arrival =
  | { page: 'resources'; resourceId: number; field: 'rtc' | 'rpc' | 'strategy' }
  | { page: 'map'; node: string }
  | { page: 'interview'; activityId: number; step: number; field: 'rto' | 'rpo' | 'workarounds' }
  | { page: 'plans'; planId: number }
  | { page: 'people'; personId: number }
  | { page: 'actions'; actionId: number }
  /** The exercises page preparing an exercise that tests this plan. */
  | { page: 'exercises'; planId: number };

class Session {
  workspace = $state<WorkspaceState | null>(null);
  page = $state<Page>('overview');
  loadError = $state<string | null>(null);
  /** The activity whose interview is open on the interview page. */
  interviewActivityId = $state<number | null>(null);
  /** What the page being opened should select and focus, taken once on its arrival. */
  arrival = $state<Arrival | null>(null);
  /** The incident open on the incidents page; null: the list. */
  incidentId = $state<number | null>(null);
  /** The exercise open on the exercises page; null: the list. */
  exerciseId = $state<number | null>(null);

  get engagementOpen(): boolean {
    return this.workspace?.current != null;
  }

  async load(): Promise<void> {
    try {
      this.apply(await api.workspaceState());
    } catch (error) {
      this.loadError = error instanceof KeelError ? error.message : String(error);
    }
  }

  /** Takes a new workspace state from the core; without an open engagement, shows the
   *  engagements page. */
  apply(state: WorkspaceState): void {
    if (state.current?.path !== this.workspace?.current?.path) {
      this.interviewActivityId = null;
      this.incidentId = null;
      this.exerciseId = null;
      this.arrival = null;
      saves.reset();
    }
    this.workspace = state;
    this.loadError = null;
    if (!state.current) this.page = 'engagements';
  }

  openInterview(activityId: number): void {
    this.interviewActivityId = activityId;
    this.go('interview');
  }

  /** Opens an incident's board; null: the list of incidents. */
  openIncident(id: number | null): void {
    this.incidentId = id;
    this.go('incidents');
  }

  /** Opens an exercise; null: the list of exercises. */
  openExercise(id: number | null): void {
    this.exerciseId = id;
    this.go('exercises');
  }

  /** Opens the page of `to` with its thing selected (the interview of its activity). */
  follow(to: Arrival): void {
    if (to.page === 'interview') this.interviewActivityId = to.activityId;
    if (to.page === 'exercises') this.exerciseId = null;
    this.arrival = to;
    this.go(to.page);
  }

  /** The arrival meant for `page`, if any; taken, so it applies once. */
  arrivalFor<P extends Arrival['page']>(page: P): Extract<Arrival, { page: P }> | null {
    const to = this.arrival;
    if (to?.page !== page) return null;
    this.arrival = null;
    return to as Extract<Arrival, { page: P }>;
  }

  go(page: Page): void {
    if (page !== 'engagements' && !this.engagementOpen) return;
    if (this.arrival && this.arrival.page !== page) this.arrival = null;
    this.page = page;
  }
}

export const session = new Session();
