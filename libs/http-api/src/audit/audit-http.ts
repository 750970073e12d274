import type { Provider, Type } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** Controllers and providers of the audit routes (issue 3), registered by ApiModule. */
export const AUDIT_CONTROLLERS: Type<unknown>[] = [AuditController];
export const AUDIT_PROVIDERS: Provider[] = [];
