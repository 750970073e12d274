import type { Provider, Type } from '@nestjs/common';
import { PurchasingController } from './purchasing.controller';

/** Controllers and providers of purchasing master data (issue 5), registered by ApiModule. */
export const PURCHASING_CONTROLLERS: Type<unknown>[] = [PurchasingController];
export const PURCHASING_PROVIDERS: Provider[] = [];
