import type { Provider, Type } from '@nestjs/common';

export const REPORTS_CONTROLLERS: Type<unknown>[] = [];
export const REPORTS_PROVIDERS: Provider[] = [];
