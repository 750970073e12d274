import { checkNotifyWith, parseNotifyInput } from './notify-input.schema';

function caught(action: () => unknown): { code: string; message: string; retryable: boolean } {
  try {
    action();
  } catch (error) {
    return error as { code: string; message: string; retryable: boolean };
  }
  throw new Error('expected an error, but none was thrown');
}

describe('notify step input', () => {
  it('fills in defaults and takes a single address for a list', () => {
    const input = parseNotifyInput({ to: { emails: 'ops@example.test', roles: ['accountant'] }, subject: 'Hi', text: 'Body' });
    expect(input.to).toEqual({ emails: ['ops@example.test'], users: [], roles: ['accountant'], groups: [] });
    expect(input.data).toEqual({});
    expect(input.html).toBeUndefined();
  });

  it('refuses bad input with BAD_STEP_INPUT naming the field', () => {
    const noOne = caught(() => parseNotifyInput({ to: {}, subject: 'Hi', text: 'Body' }));
    expect(noOne).toMatchObject({ code: 'BAD_STEP_INPUT', retryable: false });
    expect(noOne.message).toContain('with.to: needs at least one of emails, users, roles or groups');
    expect(caught(() => parseNotifyInput({ to: { emails: ['not-an-address'] }, subject: 'Hi', text: 'x' })).message).toContain('with.to.emails[0]: must be an email address');
    expect(caught(() => parseNotifyInput({ to: { roles: ['a'] }, subject: '', text: 'x' })).message).toContain('with.subject: may not be empty');
    expect(caught(() => parseNotifyInput({ to: { roles: ['a'] }, subject: 'x', text: 'x', cc: ['a@b.test'] })).message).toContain('with.cc: is not a known field');
    expect(caught(() => parseNotifyInput(undefined)).code).toBe('BAD_STEP_INPUT');
  });

  it('refuses an HTML template that would insert values unescaped', () => {
    const error = caught(() => parseNotifyInput({ to: { roles: ['a'] }, subject: 'x', text: 'x', html: '<p>{{{name}}}</p>' }));
    expect(error.code).toBe('BAD_STEP_INPUT');
    expect(error.message).toContain('with.html:');
  });

  it('checks literal values at publish time and leaves expressions to run time', () => {
    expect(checkNotifyWith({ to: { emails: '${{ inputs.email }}' }, subject: '${{ inputs.subject }}', text: 'Body' })).toEqual([]);
    expect(checkNotifyWith({ to: { emails: ['nope'] }, subject: 'x', text: 'x' })).toEqual([{ path: ['to', 'emails', 0], message: 'must be an email address' }]);
  });

  it('refuses expressions inside the HTML template at publish time', () => {
    const problems = checkNotifyWith({ to: { roles: ['accountant'] }, subject: 'x', text: 'x', html: '<p>${{ inputs.name }}</p>' });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toEqual(['html']);
    expect(problems[0].message).toMatch(/data/);
  });
});
