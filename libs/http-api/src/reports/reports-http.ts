import type { Provider, Type } from '@nestjs/common';
import { ReportsController } from './reports.controller';

/** Controllers and providers of reporting (issue 6), registered by ApiModule. */
export const REPORTS_CONTROLLERS: Type<unknown>[] = [ReportsController];
export const REPORTS_PROVIDERS: Provider[] = [];
