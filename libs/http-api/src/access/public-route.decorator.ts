import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'conveyor:public-route';

/** Marks a route that needs no credentials (health probes, webhooks). */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
