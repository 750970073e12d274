import type { Provider, Type } from '@nestjs/common';
import { ReconciliationController } from './reconciliation.controller';

/** Controllers and providers of bank reconciliation (issue 5), registered by ApiModule. */
export const RECONCILIATION_CONTROLLERS: Type<unknown>[] = [ReconciliationController];
export const RECONCILIATION_PROVIDERS: Provider[] = [];
