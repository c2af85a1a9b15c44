import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { recordIncident: vi.fn() } };
});

import { api, KeelError } from '$lib/api';
import { openBoard } from './fixtures';
import { IncidentState } from './incident.svelte';
import LogEntryBox from './LogEntryBox.svelte';

describe('LogEntryBox', () => {
  let incident: IncidentState;
  beforeEach(() => {
    vi.clearAllMocks();
    incident = new IncidentState(3);
    incident.take(openBoard());
  });

  it('adds a decision with its rationale on Enter', async () => {
    vi.mocked(api.recordIncident).mockResolvedValue(openBoard());
    const onclose = vi.fn();
    render(LogEntryBox, { incident, kind: 'decision', corrects: null, onclose });
    const user = userEvent.setup();
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('log-text'));
    await user.type(screen.getByLabelText('Rationale — why'), 'Leeds has the space');
    await user.type(screen.getByLabelText('The decision'), 'Move picking to Leeds{Enter}');
    expect(api.recordIncident).toHaveBeenCalledWith(3, {
      type: 'log',
      kind: 'decision',
      text: 'Move picking to Leeds',
      rationale: 'Leeds has the space',
      corrects: null,
    }, null);
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(incident.logDraft.text).toBe('');
  });

  it('keeps what was typed when the core refuses, with its message, and when the box is closed', async () => {
    vi.mocked(api.recordIncident).mockRejectedValue(
      new KeelError({ code: 'conflict', message: 'the incident is stood down: add notes or corrections only', fields: {} }),
    );
    const onclose = vi.fn();
    render(LogEntryBox, { incident, kind: 'note', corrects: null, onclose });
    const user = userEvent.setup();
    const text = await screen.findByLabelText('What happened');
    await user.type(text, 'Generator fuel for 6 hours{Enter}');
    expect(await screen.findByText('the incident is stood down: add notes or corrections only')).toBeTruthy();
    expect((text as HTMLTextAreaElement).value).toBe('Generator fuel for 6 hours');
    await user.keyboard('{Escape}');
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(incident.logDraft.text).toBe('Generator fuel for 6 hours');
  });

  it('corrects an earlier entry', async () => {
    render(LogEntryBox, { incident, kind: 'note', corrects: 1, onclose: vi.fn() });
    expect(await screen.findByRole('heading', { name: 'Correct entry #1' })).toBeTruthy();
    expect((screen.getByLabelText('Corrects') as HTMLSelectElement).selectedOptions[0].textContent).toMatch(/^#1 Incident opened/);
  });
});
