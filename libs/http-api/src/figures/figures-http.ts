import type { Provider, Type } from '@nestjs/common';
import { FiguresController } from './figures.controller';

/** Controllers and providers of the process figures (issue 6), registered by ApiModule. */
export const FIGURES_CONTROLLERS: Type<unknown>[] = [FiguresController];
export const FIGURES_PROVIDERS: Provider[] = [];
