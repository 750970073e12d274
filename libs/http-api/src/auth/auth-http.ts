import type { Provider, Type } from '@nestjs/common';

/** Controllers and providers of sign-in, users and API keys (issue 3), registered by ApiModule. */
export const AUTH_CONTROLLERS: Type<unknown>[] = [];
export const AUTH_PROVIDERS: Provider[] = [];
