import { DomainError } from '@conveyor/kernel';
import { checkPasswordPolicy, passwordProblems } from './password-policy';

const ada = { email: 'ada.lovelace@example.com', displayName: 'Ada Lovelace' };

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('correct horse battery staple', ada)).toEqual([]);
    expect(() => checkPasswordPolicy('twelve chars', ada)).not.toThrow();
  });

  it('wants at least 12 characters (counted as characters, not bytes)', () => {
    expect(passwordProblems('eleven char', ada)).toEqual(['must have at least 12 characters']);
    expect(passwordProblems('ééééééééééé€', ada)).toEqual([]);
    expect(passwordProblems('x'.repeat(257), ada)).toContain('must have at most 256 characters');
  });

  it('refuses the email, its name part and the display name, whatever their case', () => {
    expect(passwordProblems('ADA.LOVELACE@example.com', ada)).toEqual(['must not be the email address or the name']);
    expect(passwordProblems('Ada.Lovelace', { email: 'ada.lovelace@example.com' })).toEqual(['must not be the email address or the name']);
    expect(passwordProblems('ada lovelace', ada)).toEqual(['must not be the email address or the name']);
  });

  it('refuses one character repeated', () => {
    expect(passwordProblems('aaaaaaaaaaaaaa', ada)).toEqual(['must not repeat one character']);
  });

  it('throws PASSWORD_INVALID listing every problem', () => {
    expect(() => checkPasswordPolicy('short', ada)).toThrow(DomainError);
    try {
      checkPasswordPolicy('ada', { email: 'ada@x.org' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'PASSWORD_INVALID', details: { problems: expect.arrayContaining(['must have at least 12 characters']) } });
      expect((error as DomainError).details['problems']).toHaveLength(2);
    }
    expect.assertions(3);
  });
});
