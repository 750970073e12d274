import type { Provider, Type } from '@nestjs/common';

export const RECONCILIATION_CONTROLLERS: Type<unknown>[] = [];
export const RECONCILIATION_PROVIDERS: Provider[] = [];
