import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Person } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { listPeople: vi.fn(), listTeams: vi.fn(async () => []) } };
});

import { api } from '$lib/api';
import { session } from '$lib/session.svelte';
import PeoplePage from './PeoplePage.svelte';

const tom: Person = { id: 1, name: 'Tom Whitaker', role: 'Warehouse Manager', phone: '', phone_alt: '', email: '', location: '', last_verified: null };

describe('PeoplePage', () => {
  beforeEach(() => vi.clearAllMocks());

  it('opens the person a link points to', async () => {
    vi.mocked(api.listPeople).mockResolvedValue([tom]);
    session.arrival = { page: 'people', personId: 1 };
    render(PeoplePage);
    await vi.waitFor(() => expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Tom Whitaker'));
  });

  it('keeps a person being added when the list arrives after the link', async () => {
    let list: (people: Person[]) => void = () => {};
    vi.mocked(api.listPeople).mockReturnValueOnce(new Promise((resolve) => (list = resolve)));
    session.arrival = { page: 'people', personId: 1 };
    render(PeoplePage);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a person' }));
    await user.type(screen.getByLabelText('Name'), 'Gemma Lowe');

    list([tom]);
    await screen.findByText('Tom Whitaker');
    await new Promise((resolve) => setTimeout(resolve, 0)); // what follows the list has run
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Gemma Lowe');
  });
});
