import { describe, expect, it } from 'vitest';
import { homeFor, navigationFor } from './navigation';

describe('role-aware navigation', () => {
  it('shows an uploader upload, inbox and their documents, nothing of runs or workflows', () => {
    expect(navigationFor(['uploader']).map((item) => item.label)).toEqual(['Upload', 'Inbox', 'Documents']);
    expect(homeFor(['uploader'])).toBe('/upload');
  });

  it('gives an accountant every working screen and lands them in the inbox', () => {
    expect(navigationFor(['accountant']).map((item) => item.label)).toEqual(['Upload', 'Inbox', 'Documents', 'Runs', 'Reconciliation', 'Workflows', 'Dashboard']);
    expect(homeFor(['accountant'])).toBe('/inbox');
  });

  it('lets an auditor read without uploading or an inbox, and an admin start at the workflows', () => {
    expect(navigationFor(['auditor']).map((item) => item.label)).toEqual(['Documents', 'Runs', 'Reconciliation', 'Workflows', 'Dashboard']);
    expect(homeFor(['admin'])).toBe('/workflows');
  });
});
