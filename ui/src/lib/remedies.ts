// What can be done about each finding of the dependency analysis, in words that name
// the activities and resources involved, each with where it is done: improve or record a
// capability (the Resources page, that resource open), add an alternative (the needs
// editor, on the map, of what needs the resource), or revisit an objective in the
// interview (step 5, where "Who said so" records the justification). A capability shown
// slower than its target, or whose demonstration expired, is improved or shown again.
// Also what each figure of a finding means. Pure: the Findings page shows these and
// follows `to`.
import type { Gap, Prediction, Spof } from '$lib/api';
import { time } from '$lib/findings';
import type { Arrival } from '$lib/session.svelte';

export type RemedyKind = 'improve' | 'record' | 'alternative' | 'objective' | 'strategy' | 'workaround';

export type Remedy = {
  kind: RemedyKind;
  /** What to do, naming what it concerns. */
  text: string;
  /** Where it is done, as the button says it. */
  place: string;
  to: Arrival;
};

/** A resource's capabilities in force (a valid demonstration's, else those recorded), in
 *  minutes; null when not recorded. */
export type Capability = { rtc: number | null; rpc: number | null };

/** What a gap alone does not say, where the page has it. */
export type Context = {
  /** RTC and RPC in force of resources by key (`resource:ID`): the analysis' standings. */
  capabilities?: Map<string, Capability>;
  /** The map's edges (`from` needs `to`), for what needs a resource directly. */
  edges?: { from: string; to: string }[];
  /** Node names by key. */
  names?: Map<string, string>;
};

/** A node on a path: its name and key (`activity:ID`, `resource:ID`). */
export type Step = { name: string; key: string };

export const idOf = (key: string): number => Number(key.slice(key.indexOf(':') + 1));
export const isResource = (key: string): boolean => key.startsWith('resource:');
const zip = (names: string[], keys: string[]): Step[] => names.map((name, i) => ({ name, key: keys[i] }));

function capabilityOf(r: Step, field: 'rtc' | 'rpc' | 'strategy', text: string, kind: RemedyKind = 'improve'): Remedy {
  return { kind, text, place: `Resources: ${r.name}`, to: { page: 'resources', resourceId: idOf(r.key), field } };
}

function alternative(r: Step, needer: Step | undefined, why: string): Remedy[] {
  if (!needer) return [];
  return [
    {
      kind: 'alternative',
      text: `Add an alternative to ${r.name} for ${needer.name}: something else it could use instead, in the same group, so that ${why}.`,
      place: `Map: what ${needer.name} needs`,
      to: { page: 'map', node: needer.key },
    },
  ];
}

function objective(a: Step, which: 'RTO' | 'RPO', now: number | null, why: string): Remedy {
  return {
    kind: 'objective',
    text: `Revisit the ${which} of ${a.name} (now ${time(now)}) ${why}, and record who agreed to it and why in “Who said so”.`,
    place: `Interview: ${a.name}, objectives`,
    to: { page: 'interview', activityId: idOf(a.key), step: 5, field: which === 'RTO' ? 'rto' : 'rpo' },
  };
}

/** " (through X → Y)" for the nodes between the first and the last of `path`. */
function through(path: Step[]): string {
  const between = path.slice(1, -1).map((s) => s.name);
  return between.length > 0 ? ` (through ${between.join(' → ')})` : '';
}

/** The resource on `path` with the longest recorded RTC, with what needs it. */
export function slowestStep(path: Step[], ctx: Context): { step: Step; needer: Step | undefined; rtc: number } | null {
  let best: { step: Step; needer: Step | undefined; rtc: number } | null = null;
  for (const [i, step] of path.entries()) {
    const rtc = isResource(step.key) ? ctx.capabilities?.get(step.key)?.rtc : null;
    if (rtc != null && (best == null || rtc > best.rtc)) best = { step, needer: path[i - 1], rtc };
  }
  return best;
}

/** Whether an unknown-capability gap lacks the RPC only (the RTC is recorded). */
function rpcOnly(gap: Gap, ctx: Context): boolean {
  const c = ctx.capabilities?.get(gap.node_ref);
  return c != null && c.rtc != null && c.rpc == null;
}

/** What can be done about a slow chain: the slowest step's capability, an alternative to
 *  it, or the activity's RTO. */
function chainRemedies(path: Step[], predicted: number | null, rto: number | null, ctx: Context): Remedy[] {
  const activity = path[0];
  const slow = slowestStep(path, ctx);
  const out: Remedy[] = [];
  if (slow) {
    out.push(
      capabilityOf(
        slow.step,
        'rtc',
        `Improve the slowest step, ${slow.step.name} (RTC ${time(slow.rtc)}): a faster recovery, then record its new RTC.`,
      ),
      ...alternative(slow.step, slow.needer, `${activity.name} need not wait for it`),
    );
  }
  out.push(objective(activity, 'RTO', rto, `against the ${time(predicted)} its chain needs`));
  return out;
}

/** What can be done about a gap, one remedy a line, most direct first. */
export function gapRemedies(gap: Gap, ctx: Context = {}): Remedy[] {
  const path = zip(gap.path, gap.path_refs);
  const node = { name: gap.node, key: gap.node_ref };
  const source = path[0] ?? node;
  const needer = path.length > 1 ? path[path.length - 2] : undefined;
  const req = time(gap.required_min);
  switch (gap.kind) {
    case 'rto':
      return [
        capabilityOf(
          node,
          'rtc',
          `Improve how fast ${node.name} recovers (a standby, a contract with a shorter time), then record its new RTC (now ${time(gap.capability_min)}, needed within ${req}).`,
        ),
        ...alternative(node, needer, `${needer?.name} need not wait for it`),
        objective(source, 'RTO', gap.required_min, 'if it is stricter than the business needs'),
      ];
    case 'rpo':
      return [
        capabilityOf(
          node,
          'rpc',
          `Improve how recent a copy of ${node.name}'s data can be restored (more frequent backups, replication), then record its new RPC (now ${time(gap.capability_min)}, at most ${req} allowed).`,
        ),
        ...alternative(node, needer, `${needer?.name} keeps its data another way`),
        objective(source, 'RPO', gap.required_min, 'if it is stricter than the business needs'),
      ];
    case 'unknown':
      return rpcOnly(gap, ctx)
        ? [capabilityOf(node, 'rpc', `Record the RPC of ${node.name}: how far back its data can be restored.`, 'record')]
        : [
            capabilityOf(
              node,
              'rtc',
              `Record the RTC of ${node.name}: how long it takes to recover once what it needs is back (it is needed within ${req}).`,
              'record',
            ),
          ];
    case 'upstream': {
      const out: Remedy[] = [
        objective(node, 'RTO', gap.capability_min, `to ${req} or less, since ${source.name} needs it that soon`),
      ];
      if (needer) {
        out.push({
          kind: 'workaround',
          text: `Or record a manual workaround that lets ${needer.name} carry on without ${node.name} for a while.`,
          place: `Interview: ${needer.name}, dependencies`,
          to: { page: 'interview', activityId: idOf(needer.key), step: 7, field: 'workarounds' },
        });
      }
      if (source.key !== node.key) out.push(objective(source, 'RTO', gap.required_min, 'if it is stricter than needed'));
      return out;
    }
    case 'chain':
      return chainRemedies(path, gap.capability_min, gap.required_min, ctx);
    case 'demonstrated_slower':
      return [
        capabilityOf(
          node,
          'rtc',
          `Improve how fast ${node.name} recovers (it was shown to take ${time(gap.capability_min)} against ${req}), then show it again in an exercise.`,
        ),
        capabilityOf(
          node,
          'rtc',
          `Or, if ${time(gap.capability_min)} is what can be relied on, record it as the RTC of ${node.name}, so that no plan promises ${req}.`,
          'record',
        ),
        ...alternative(node, needer, `${needer?.name} need not wait for it`),
      ];
    case 'demonstration_expired':
      return [
        capabilityOf(
          node,
          'rtc',
          `Restore ${node.name} again in a walkthrough, parallel test or full interruption, so that a demonstrated time counts; meanwhile check the RTC it falls back on (${time(gap.capability_min)}).`,
          'record',
        ),
      ];
  }
}

/** What each figure of a gap means, in words naming what it concerns. */
export function gapFigures(gap: Gap, ctx: Context = {}): string {
  const path = zip(gap.path, gap.path_refs);
  const source = path[0]?.name ?? gap.node;
  const via = through(path);
  const [cap, req] = [time(gap.capability_min), time(gap.required_min)];
  switch (gap.kind) {
    case 'rto':
      return `${gap.node} takes ${cap} to recover once what it needs is back (its RTC, recovery time capability). ${source} must be running within ${req} (its RTO) and needs ${gap.node}${via}, so ${gap.node} must be back within ${req} too.`;
    case 'rpo':
      return `${gap.node} can be restored to a copy ${cap} old (its RPC, recovery point capability). ${source} may lose at most ${req} of data (its RPO) and relies on ${gap.node}${via}.`;
    case 'unknown':
      return rpcOnly(gap, ctx)
        ? `Nobody has recorded the RPC of ${gap.node} (how far back its data can be restored), so whether ${source} loses no more than its RPO of ${req} is unknown.`
        : `Nobody has recorded the RTC of ${gap.node} (how long it takes to recover). ${source} must be running within ${req} and needs it${via}; until the RTC is recorded its predicted recovery is unknown (“?”).`;
    case 'upstream':
      return `${gap.node} is an activity with its own RTO of ${cap}. ${source} must be running within ${req} and needs it${via}, so ${gap.node} would have to be back within ${req} too.`;
    case 'chain':
      return chainFigures(path, gap.capability_min, gap.required_min, ctx);
    case 'demonstrated_slower':
      return `An exercise showed ${gap.node} recovering in ${cap}, its RTC now, while ${req} was targeted or committed.${
        gap.path.length > 1 ? ` ${source} relies on it${via}.` : ''
      }`;
    case 'demonstration_expired':
      return `A demonstrated recovery time counts for the validity the engagement sets (12 months unless changed). ${gap.node}'s has run out, so the RTC recorded before it counts again: ${cap}.${
        gap.required_min != null ? ` ${source} needs it within ${req}${via}.` : ''
      }`;
  }
}

/** Predicted recovery of a chain, and its slowest step, in words. */
function chainFigures(path: Step[], predicted: number | null, rto: number | null, ctx: Context): string {
  const steps = path
    .filter((s) => isResource(s.key))
    .map((s) => ({ s, rtc: ctx.capabilities?.get(s.key)?.rtc }))
    .filter((x) => x.rtc != null)
    .map((x) => `${x.s.name} ${time(x.rtc!)}`);
  const sum = steps.length > 0 ? ` (${steps.join(' + ')})` : '';
  const slow = slowestStep(path, ctx);
  return (
    `Predicted recovery: if everything were lost at once, ${path[0]?.name} would be running again after ${time(predicted)}, ` +
    `the recovery times (RTC) along its slowest chain added up${sum}. Its RTO is ${time(rto)}.` +
    (slow ? ` The slowest step is ${slow.step.name}.` : '')
  );
}

/** Whether a prediction is later than the activity's RTO. */
export const late = (p: Prediction): boolean => p.predicted_min != null && p.rto_min != null && p.predicted_min > p.rto_min;

/** What can be done about a prediction later than its RTO, with what it means. */
export function predictionRemedies(p: Prediction, ctx: Context = {}): Remedy[] {
  if (!late(p)) return [];
  return chainRemedies(zip(p.critical_path, p.critical_path_refs), p.predicted_min, p.rto_min, ctx);
}

/** The slowest step of a prediction's critical path, in words; '' when not known. */
export function slowestWords(p: Prediction, ctx: Context = {}): string {
  const slow = slowestStep(zip(p.critical_path, p.critical_path_refs), ctx);
  return slow ? `slowest step: ${slow.step.name} (RTC ${time(slow.rtc)})` : '';
}

/** The resources below an activity (through everything it needs) without an RTC: why
 *  its prediction is unknown. From the unknown-capability gaps and the map's edges. */
export function unknownBelow(p: Prediction, gaps: Gap[], ctx: Context = {}): Step[] {
  const below = new Set<string>([p.activity_ref]);
  const queue = [p.activity_ref];
  while (queue.length > 0) {
    const at = queue.pop()!;
    for (const e of ctx.edges ?? []) {
      if (e.from === at && !below.has(e.to)) {
        below.add(e.to);
        queue.push(e.to);
      }
    }
  }
  const seen = new Set<string>();
  return gaps
    .filter((g) => g.kind === 'unknown' && below.has(g.node_ref) && !rpcOnly(g, ctx))
    .filter((g) => !seen.has(g.node_ref) && seen.add(g.node_ref))
    .map((g) => ({ name: g.node, key: g.node_ref }));
}

/** Recording the missing RTCs that make a prediction unknown. */
export function unknownRemedies(missing: Step[]): Remedy[] {
  return missing.map((r) =>
    capabilityOf(r, 'rtc', `Record the RTC of ${r.name}: how long it takes to recover once what it needs is back.`, 'record'),
  );
}

/** What can be done about a single point of failure: an alternative where it is needed,
 *  or a recovery strategy for it. */
export function spofRemedies(spof: Spof, ctx: Context = {}): Remedy[] {
  const r = { name: spof.resource, key: spof.resource_ref };
  const needers = (ctx.edges ?? [])
    .filter((e) => e.to === r.key)
    .map((e) => ({ name: ctx.names?.get(e.from) ?? e.from, key: e.from }));
  const out: Remedy[] =
    needers.length === 1
      ? alternative(r, needers[0], 'losing it alone no longer stops anything')
      : [
          {
            kind: 'alternative',
            text: `Add an alternative to ${r.name} where it is needed${needers.length > 0 ? ` (by ${needers.map((n) => n.name).join(', ')})` : ''}, so that losing it alone no longer stops anything.`,
            place: `Map: ${r.name} and what needs it`,
            to: { page: 'map', node: r.key },
          },
        ];
  out.push(
    capabilityOf(
      r,
      'strategy',
      `Or record a recovery strategy for ${r.name} (a standby, a workaround, an alternate supplier).`,
      'strategy',
    ),
  );
  return out;
}
