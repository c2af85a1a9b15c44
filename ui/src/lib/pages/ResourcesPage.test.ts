import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { ResourceCapabilityInput, Standing } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      listResources: vi.fn(),
      resourceCapability: vi.fn(),
      capabilityStanding: vi.fn(),
      setResourceCapability: vi.fn(),
      dependencyMap: vi.fn(),
    },
  };
});

import { api, KeelError } from '$lib/api';
import { saves } from '$lib/saves.svelte';
import { session } from '$lib/session.svelte';
import ResourcesPage from './ResourcesPage.svelte';

const blank: ResourceCapabilityInput = {
  owner: '',
  description: '',
  strategy: null,
  rtc: '',
  rpc: '',
  evidence: null,
  demonstrated_on: '',
  kept: [],
};

const nothingShown: Standing = {
  evidence: null,
  rtc: null,
  rpc_evidence: null,
  rpc: null,
  demonstrated: null,
  expired: null,
  target_rtc: null,
  target_evidence: null,
};

describe('ResourcesPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.listResources).mockResolvedValue([
      { id: 7, name: 'Warehouse system', kind: 'application' },
      { id: 8, name: 'Forklift drivers', kind: 'people' },
    ]);
    vi.mocked(api.resourceCapability).mockResolvedValue({ ...blank });
    vi.mocked(api.capabilityStanding).mockResolvedValue({ ...nothingShown });
    vi.mocked(api.dependencyMap).mockRejectedValue(new Error('not needed here'));
  });

  it('opens the resource a finding links to, with focus in the field it is about', async () => {
    session.arrival = { page: 'resources', resourceId: 8, field: 'rtc' };
    render(ResourcesPage);
    expect(await screen.findByRole('heading', { name: 'Forklift drivers' })).toBeTruthy();
    expect(api.resourceCapability).toHaveBeenCalledWith(8);
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('rtc'));
    expect(session.arrival).toBeNull();
  });

  it('opens the first resource on arrival', async () => {
    render(ResourcesPage);
    expect(await screen.findByRole('heading', { name: 'Warehouse system' })).toBeTruthy();
    expect(api.resourceCapability).toHaveBeenCalledWith(7);
  });

  it('saves a capability when the field is left, with no Save button, and shows it as Keel reads it', async () => {
    vi.mocked(api.setResourceCapability).mockImplementation(async (_id, input) => ({ ...input, rtc: '4h' }));
    render(ResourcesPage);
    const user = userEvent.setup();
    const rtc = await screen.findByLabelText('Recovery time capability (RTC)');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    await user.type(rtc, '4 hours');
    await user.tab();
    expect(api.setResourceCapability).toHaveBeenCalledWith(7, expect.objectContaining({ rtc: '4 hours' }));
    await vi.waitFor(() => expect((rtc as HTMLInputElement).value).toBe('4h'));
  });

  it('shows an RTC kept as typed, with its reason, when the resource opens again', async () => {
    const kept = { field: 'rtc', label: 'The RTC', text: 'TBD', message: '“TBD” should start with a number.' };
    vi.mocked(api.resourceCapability).mockResolvedValue({ ...blank, rtc: 'TBD', kept: [kept] });
    render(ResourcesPage);
    const rtc = (await screen.findByLabelText('Recovery time capability (RTC)')) as HTMLInputElement;
    await vi.waitFor(() => expect(rtc.value).toBe('TBD'));
    expect((await screen.findByText('“TBD” should start with a number.')).textContent).toBeTruthy();
  });

  it('keeps a refused value in its field, as typed, with the reason beside it', async () => {
    vi.mocked(api.setResourceCapability).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'x', fields: { rtc: '“soonish” is not a unit Keel knows.' } }),
    );
    render(ResourcesPage);
    const user = userEvent.setup();
    const rtc = await screen.findByLabelText('Recovery time capability (RTC)');
    await user.type(rtc, 'soonish');
    await user.tab();
    expect(await screen.findByText('“soonish” is not a unit Keel knows.')).toBeTruthy();
    expect((rtc as HTMLInputElement).value).toBe('soonish');
    expect(saves.status).toBe('refused');
  });

  it('shows no form for a resource until its own values arrive, so nothing typed goes to the wrong one', async () => {
    let second: (c: ResourceCapabilityInput) => void = () => {};
    vi.mocked(api.resourceCapability).mockResolvedValueOnce({ ...blank, rtc: '1h' });
    vi.mocked(api.resourceCapability).mockReturnValueOnce(new Promise((resolve) => (second = resolve)));
    render(ResourcesPage);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Warehouse system' });
    await user.click(screen.getByRole('button', { name: /Forklift drivers/ }));
    expect(api.resourceCapability).toHaveBeenLastCalledWith(8);
    // The warehouse system's values are not offered under the forklift drivers meanwhile.
    expect(screen.queryByLabelText('Recovery time capability (RTC)')).toBeNull();

    second({ ...blank, rtc: '2h' });
    await screen.findByRole('heading', { name: 'Forklift drivers' });
    const rtc = screen.getByLabelText('Recovery time capability (RTC)') as HTMLInputElement;
    expect(rtc.value).toBe('2h');
    await user.type(rtc, '30');
    await user.tab();
    expect(api.setResourceCapability).toHaveBeenCalledTimes(1);
    expect(api.setResourceCapability).toHaveBeenCalledWith(8, expect.objectContaining({ rtc: '2h30' }));
  });

  it('says what a demonstration shows and until when, and what counts once it has expired', async () => {
    vi.mocked(api.capabilityStanding).mockResolvedValueOnce({
      ...nothingShown,
      evidence: 'demonstrated',
      rtc: 360,
      demonstrated: { on: '2026-11-20', expires_on: '2027-11-20', rtc_min: 360, rpc_min: null, exercise_id: 3 },
      target_rtc: 180,
      target_evidence: 'committed',
    });
    vi.mocked(api.capabilityStanding).mockResolvedValueOnce({
      ...nothingShown,
      evidence: 'committed',
      rtc: 180,
      expired: { on: '2025-11-20', expires_on: '2026-11-20', rtc_min: 120, rpc_min: null, exercise_id: 2 },
    });
    render(ResourcesPage);
    const shown = await screen.findByTestId('standing');
    expect(shown.textContent).toContain('recovered in 6h on 2026-11-20 (exercise 3); this counts until 2027-11-20');
    expect(shown.textContent).toContain('Slower than its commitment of 3h');
    await userEvent.setup().click(screen.getByRole('button', { name: /Forklift drivers/ }));
    await screen.findByRole('heading', { name: 'Forklift drivers' });
    await vi.waitFor(() =>
      expect(screen.getByTestId('standing').textContent).toContain(
        'The demonstration of 2025-11-20 (2h, exercise 2) expired on 2026-11-20; committed 3h counts until it is shown again.',
      ),
    );
  });
});
