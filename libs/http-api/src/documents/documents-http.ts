import type { Provider, Type } from '@nestjs/common';
import { DocumentUploadInterceptor } from './document-upload.interceptor';
import { DocumentsController } from './documents.controller';

/** Controllers and providers of document intake (issue 4), registered by ApiModule. */
export const DOCUMENTS_CONTROLLERS: Type<unknown>[] = [DocumentsController];
export const DOCUMENTS_PROVIDERS: Provider[] = [DocumentUploadInterceptor];
