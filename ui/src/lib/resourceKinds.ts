// Which kind a new resource most likely is, from the words of its name: the kinds in the
// order to offer them, the likeliest first. A guess to confirm, never a choice made.
import type { ResourceKind } from '$lib/api';
import { resourceKinds } from '$lib/findings';

const HINTS: [ResourceKind, string[]][] = [
  ['people', ['driver', 'staff', 'team', 'clerk', 'operator', 'picker', 'packer', 'agent', 'nurse', 'engineer', 'manager', 'people', 'crew', 'worker', 'handler', 'lead']],
  ['application', ['system', 'app', 'application', 'software', 'erp', 'crm', 'wms', 'tms', 'portal', 'platform']],
  ['it_service', ['service', 'email', 'e-mail', 'gateway', 'edi', 'api', 'hosting', 'cloud', 'saas', 'telephony', 'vpn']],
  ['infrastructure', ['network', 'server', 'power', 'grid', 'generator', 'data centre', 'datacenter', 'ups', 'cooling', 'hvac', 'link', 'line']],
  ['data', ['data', 'record', 'log', 'backup', 'file', 'archive', 'register', 'database', 'ledger']],
  ['supplier', ['supplier', 'provider', 'vendor', 'bureau', 'contractor', 'ltd', 'plc', 'inc', 'carrier', 'partner']],
  ['site', ['site', 'warehouse', 'office', 'depot', 'building', 'plant', 'factory', 'store', 'yard', 'hub', 'branch']],
  ['equipment', ['trailer', 'truck', 'lorry', 'van', 'vehicle', 'forklift', 'scanner', 'printer', 'fridge', 'freezer', 'machine', 'tool', 'pallet', 'terminal', 'device']],
];

/** The kinds, likeliest first for a resource called `name` (the usual order on a tie). */
export function rankKinds(name: string): [ResourceKind, string][] {
  const words = name.toLowerCase();
  const score = (kind: ResourceKind) =>
    (HINTS.find(([k]) => k === kind)?.[1] ?? []).filter((hint) => new RegExp(`\\b${hint}`).test(words)).length;
  return resourceKinds
    .map((entry, order) => ({ entry, order, score: score(entry[0]) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ entry }) => entry);
}
