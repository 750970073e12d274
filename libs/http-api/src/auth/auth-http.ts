import type { Provider, Type } from '@nestjs/common';
import { PLATFORM, type Platform } from '@conveyor/platform';
import { AdminTokenAuthenticator } from '../access/admin-token.authenticator';
import { RequestAuthenticator } from '../access/request-authenticator';
import { ApiKeysController } from './api-keys.controller';
import { AuthController } from './auth.controller';
import { UsersController } from './users.controller';

/** Controllers and providers of sign-in, users and API keys (issue 3), registered by ApiModule. */
export const AUTH_CONTROLLERS: Type<unknown>[] = [AuthController, UsersController, ApiKeysController];
export const AUTH_PROVIDERS: Provider[] = [
  {
    provide: RequestAuthenticator,
    inject: [AdminTokenAuthenticator, PLATFORM],
    useFactory: (adminToken: AdminTokenAuthenticator, platform: Platform) => RequestAuthenticator.attach(adminToken, platform.identity),
  },
];
