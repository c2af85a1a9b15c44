import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { AuditEntry } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { auditLog: vi.fn() } };
});

import { api } from '$lib/api';
import AuditPage from './AuditPage.svelte';

function entry(id: number, new_value: string): AuditEntry {
  return {
    id,
    at: '2026-12-01T10:00:00Z',
    actor: 'Ana',
    action: 'create',
    entity: 'activity',
    entity_id: id,
    entity_label: `Activity ${id}`,
    field: 'name',
    old_value: null,
    new_value,
  };
}

describe('AuditPage', () => {
  it('shows a hundred entries at a time and opens a long value on request', async () => {
    const long = 'A very long section body. '.repeat(40);
    const entries = Array.from({ length: 250 }, (_, i) => entry(250 - i, i === 0 ? long : `Activity ${250 - i}`));
    vi.mocked(api.auditLog).mockResolvedValue(entries);
    render(AuditPage);
    const user = userEvent.setup();
    expect(await screen.findByText('Activity 249', { selector: 'td span' })).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(101);
    await user.click(screen.getByRole('button', { name: 'Show 100 more (150 not shown)' }));
    expect(screen.getAllByRole('row')).toHaveLength(201);
    await user.click(screen.getByRole('button', { name: 'Show 50 more (50 not shown)' }));
    expect(screen.getAllByRole('row')).toHaveLength(251);
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull();

    const open = screen.getByRole('button', { name: 'Show all' });
    expect(open.previousElementSibling?.classList.contains('clamp')).toBe(true);
    await user.click(open);
    expect(screen.getByRole('button', { name: 'Show less' }).previousElementSibling?.classList.contains('clamp')).toBe(false);
  });
});
