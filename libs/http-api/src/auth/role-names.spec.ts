import { ROLE_NAMES, roleSchema } from '@conveyor/api-contracts';
import { ROLES } from '@conveyor/identity';

describe('role names in the API contract', () => {
  it('are exactly the roles of @conveyor/identity', () => {
    expect([...ROLE_NAMES]).toEqual([...ROLES]);
    expect(roleSchema.safeParse('auditor').success).toBe(true);
    expect(roleSchema.safeParse('root').success).toBe(false);
  });
});
