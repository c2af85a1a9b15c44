import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      listFindings: vi.fn(),
      listPlans: vi.fn(),
      listResources: vi.fn(),
      listActivities: vi.fn(),
      listPeople: vi.fn(),
      addFinding: vi.fn(),
    },
  };
});

import { api, KeelError, type Finding } from '$lib/api';
import { ExerciseState } from '$lib/exercises/exercise.svelte';
import FindingsPanel from './FindingsPanel.svelte';

// The draft as the app keeps it: reactive, on its exercise (or incident).
const reactiveDraft = () => new ExerciseState(3).drafts.finding;

const finding = (over: Partial<Finding> = {}): Finding => ({
  id: 1,
  event_id: 3,
  severity: 'high',
  category: 'supplier',
  about: { type: 'resource', id: 4, name: 'Warehouse management system' },
  text: 'The runbook names a contact who has left',
  created_at: '2026-11-30T10:00:00Z',
  created_by: 'Erin Example',
  ...over,
});

describe('FindingsPanel', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.listFindings).mockResolvedValue([]);
    vi.mocked(api.listPlans).mockResolvedValue([]);
    vi.mocked(api.listActivities).mockResolvedValue([]);
    vi.mocked(api.listPeople).mockResolvedValue([]);
    vi.mocked(api.listResources).mockResolvedValue([{ id: 4, name: 'Warehouse management system', kind: 'application' }] as never);
  });

  it('records a finding of the event, about what was picked, and lists it with the place for its action', async () => {
    const user = userEvent.setup();
    vi.mocked(api.addFinding).mockResolvedValue(finding());
    const draft = reactiveDraft();
    render(FindingsPanel, { eventId: 3, draft });
    await user.selectOptions(await screen.findByLabelText('Severity'), 'high');
    await user.selectOptions(screen.getByLabelText('Category'), 'supplier');
    await user.type(screen.getByLabelText('About (optional)'), 'Warehouse{Enter}');
    await user.type(screen.getByLabelText('The finding'), 'The runbook names a contact who has left');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(api.addFinding).toHaveBeenCalledWith(3, {
      severity: 'high',
      category: 'supplier',
      about: 'resource:4',
      text: 'The runbook names a contact who has left',
    });
    expect(await screen.findByText('The runbook names a contact who has left')).toBeTruthy();
    expect(screen.getByTestId('raise-action-slot')).toBeTruthy();
    expect(draft.text).toBe('');
  });

  it('shows the core’s refusal at its field and keeps what was typed', async () => {
    const user = userEvent.setup();
    vi.mocked(api.addFinding).mockRejectedValue(new KeelError({ code: 'validation', message: 'refused', fields: { text: 'The finding is required.' } }));
    const draft = reactiveDraft();
    render(FindingsPanel, { eventId: 3, draft });
    await user.click(await screen.findByTestId('add-finding'));
    expect((await screen.findByRole('alert')).textContent).toBe('The finding is required.');
  });

  it('refuses an "about" typed but not picked, before asking the core', async () => {
    const user = userEvent.setup();
    render(FindingsPanel, { eventId: 3, draft: reactiveDraft() });
    await user.type(await screen.findByLabelText('About (optional)'), 'Nothing like it');
    await user.type(screen.getByLabelText('The finding'), 'Words');
    await user.click(screen.getByTestId('add-finding'));
    expect((await screen.findByRole('alert')).textContent).toContain('is not picked');
    expect(api.addFinding).not.toHaveBeenCalled();
  });
});
