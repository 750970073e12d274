import type { Provider, Type } from '@nestjs/common';

/** Controllers and providers of document intake (issue 4), registered by ApiModule. */
export const DOCUMENTS_CONTROLLERS: Type<unknown>[] = [];
export const DOCUMENTS_PROVIDERS: Provider[] = [];
