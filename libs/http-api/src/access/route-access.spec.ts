import { Reflector } from '@nestjs/core';
import { PublicRoute } from './public-route.decorator';
import { RequireRoles, RequireSignIn } from './require-roles.decorator';
import { routeAccessOf } from './route-access';

@RequireRoles('accountant', 'auditor')
class ReadingController {
  inherited(): void {}
  @RequireRoles('admin')
  narrowed(): void {}
  @PublicRoute()
  opened(): void {}
  @RequireSignIn()
  anyone(): void {}
}

class PlainController {
  undeclared(): void {}
}

@PublicRoute()
class ProbeController {
  probe(): void {}
  @RequireRoles('admin')
  guarded(): void {}
}

describe('routeAccessOf', () => {
  const reflector = new Reflector();
  const of = (controller: { prototype: object }, handler: string) =>
    routeAccessOf(reflector, (controller.prototype as Record<string, () => void>)[handler], controller as unknown as () => void);

  it("takes the controller's roles unless the handler declares its own", () => {
    expect(of(ReadingController, 'inherited')).toEqual({ kind: 'roles', roles: ['accountant', 'auditor'] });
    expect(of(ReadingController, 'narrowed')).toEqual({ kind: 'roles', roles: ['admin'] });
    expect(of(ReadingController, 'opened')).toEqual({ kind: 'public' });
    expect(of(ReadingController, 'anyone')).toEqual({ kind: 'signed-in' });
    expect(of(ProbeController, 'probe')).toEqual({ kind: 'public' });
    expect(of(ProbeController, 'guarded')).toEqual({ kind: 'roles', roles: ['admin'] });
  });

  it('needs the admin role where nothing is declared (the safe default)', () => {
    expect(of(PlainController, 'undeclared')).toEqual({ kind: 'roles', roles: ['admin'] });
  });
});
