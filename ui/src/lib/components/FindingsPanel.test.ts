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
      listActions: vi.fn(),
      addAction: vi.fn(),
    },
  };
});

import { api, KeelError, type Action, type Finding } from '$lib/api';
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

const action = (over: Partial<Action> = {}): Action => ({
  id: 11,
  title: 'Replace the supplier contact in the runbook',
  description: '',
  owner_id: 2,
  owner: 'Sian Roberts',
  due: '2099-01-31',
  status: 'open',
  source: 'finding',
  finding_id: 1,
  event_id: 3,
  plan_id: null,
  plan_title: null,
  done_at: null,
  verified_version: null,
  accepted_by: '',
  accepted_why: '',
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
  ...over,
});

const sian = { id: 2, name: 'Sian Roberts', role: 'IT manager' };

describe('FindingsPanel', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.listFindings).mockResolvedValue([]);
    vi.mocked(api.listPlans).mockResolvedValue([]);
    vi.mocked(api.listActivities).mockResolvedValue([]);
    vi.mocked(api.listPeople).mockResolvedValue([sian] as never);
    vi.mocked(api.listActions).mockResolvedValue([]);
    vi.mocked(api.listResources).mockResolvedValue([{ id: 4, name: 'Warehouse management system', kind: 'application' }] as never);
  });

  it('records a finding of the event, about what was picked, and lists it with its "Raise an action"', async () => {
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
    expect(screen.getByTestId('raise-action')).toBeTruthy();
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

  it('raises an action from a finding by keyboard, and lists it under the finding with its status', async () => {
    const user = userEvent.setup();
    vi.mocked(api.listFindings).mockResolvedValue([finding()]);
    vi.mocked(api.listActions).mockResolvedValue([action({ id: 9, finding_id: 77, title: 'Of another finding' })]);
    vi.mocked(api.addAction).mockResolvedValue(action());
    const draft = reactiveDraft();
    render(FindingsPanel, { eventId: 3, draft });
    (await screen.findByTestId('raise-action')).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement?.id).toBe('finding-1-action-title');
    await user.keyboard('Replace the supplier contact in the runbook');
    await user.tab();
    await user.keyboard('Sian{Enter}');
    await user.tab();
    await user.keyboard('2099-01-31');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(api.addAction).toHaveBeenCalledWith({
      title: 'Replace the supplier contact in the runbook',
      description: '',
      owner_id: 2,
      due: '2099-01-31',
      source: 'finding',
      finding_id: 1,
      event_id: null,
      plan_id: null,
    });
    const raised = await screen.findByTestId('finding-actions');
    expect(raised.textContent).toContain('Replace the supplier contact in the runbook');
    expect(raised.textContent).toContain('Sian Roberts');
    expect(raised.textContent).toContain('Open');
    expect(raised.textContent).not.toContain('Of another finding');
    expect(screen.queryByTestId('raise-action-form')).toBeNull();
    expect(document.activeElement?.id).toBe('finding-1-action-raise');
    expect(draft.actions[1]).toMatchObject({ open: false, title: '' });
  });

  it('shows the core’s refusal of an action at its field, and keeps what was typed across a remount', async () => {
    const user = userEvent.setup();
    vi.mocked(api.listFindings).mockResolvedValue([finding()]);
    vi.mocked(api.addAction).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'refused', fields: { due: '“someday” is not a date: type it as 2027-01-31.' } }),
    );
    const draft = reactiveDraft();
    const first = render(FindingsPanel, { eventId: 3, draft });
    await user.click(await screen.findByTestId('raise-action'));
    await user.keyboard('Replace the contact');
    await user.type(screen.getByLabelText('Due'), 'someday');
    await user.click(screen.getByTestId('raise-action-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('“someday” is not a date');
    // Another tab and back: the form is open again with what was typed.
    first.unmount();
    render(FindingsPanel, { eventId: 3, draft });
    expect(((await screen.findByLabelText('Action')) as HTMLInputElement).value).toBe('Replace the contact');
    expect((screen.getByLabelText('Due') as HTMLInputElement).value).toBe('someday');
  });

  it('refuses an owner typed but not picked, before asking the core', async () => {
    const user = userEvent.setup();
    vi.mocked(api.listFindings).mockResolvedValue([finding()]);
    render(FindingsPanel, { eventId: 3, draft: reactiveDraft() });
    await user.click(await screen.findByTestId('raise-action'));
    await user.keyboard('Replace the contact');
    await user.type(screen.getByLabelText('Owner'), 'Nobody');
    await user.click(screen.getByTestId('raise-action-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('“Nobody” is not picked');
    expect(api.addAction).not.toHaveBeenCalled();
  });
});
