import type { Provider, Type } from '@nestjs/common';

/** Controllers and providers of the audit routes (issue 3), registered by ApiModule. */
export const AUDIT_CONTROLLERS: Type<unknown>[] = [];
export const AUDIT_PROVIDERS: Provider[] = [];
