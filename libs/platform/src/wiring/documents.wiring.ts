import { join, resolve } from 'node:path';
import type { AuditRecorder } from '@conveyor/audit';
import {
  DocumentIntakeService, LocalDiskDocumentStore, S3DocumentStore, createCheckDuplicateStepType, createConfirmInvoiceStepType, type DocumentStore, type InvoiceFieldsRecorder,
  type VendorProfileTeacher,
} from '@conveyor/documents';
import { newId } from '@conveyor/kernel';
import { AuditStore, SqlDocumentRepository, SqlInvoiceRegister } from '@conveyor/persistence';
import type { StepType } from '@conveyor/workflow-engine';
import type { EventService } from '@conveyor/workflow-runtime';
import type { DocumentBytesReader } from '@conveyor/invoice-extraction';
import type { WiringDeps } from './wiring-deps';

/**
 * Document intake (issue 4): the intake service over its SQL store, the document store chosen by
 * DOCUMENT_STORAGE (local disk or an S3-compatible bucket) and the event service, whose
 * `document.uploaded` starts the workflows that listen for it.
 */
export async function wireDocuments(
  deps: WiringDeps,
  ports: { events: EventService; audit?: AuditRecorder; onChanged?: (documentId: string) => void },
): Promise<{ documents: DocumentIntakeService }> {
  const store = documentStore(deps);
  const documents = new DocumentIntakeService({
    documents: new SqlDocumentRepository(deps.database.dataSource),
    store,
    events: ports.events,
    audit: ports.audit ?? new AuditStore(deps.database.dataSource, deps.clock),
    clock: deps.clock,
    newId,
    limits: {
      maxBytes: deps.config.DOCUMENT_MAX_BYTES,
      maxPages: deps.config.DOCUMENT_MAX_PAGES,
      maxFilesPerUpload: deps.config.DOCUMENT_MAX_FILES_PER_UPLOAD,
      maxImagePixels: deps.config.DOCUMENT_MAX_IMAGE_PIXELS,
    },
    onError: (error, context) => deps.logger.warn({ err: error, ...context }, 'documents: announcing a document failed (it stays received; the next upload retries)'),
    onChanged: ports.onChanged,
  });
  return { documents };
}

function documentStore(deps: WiringDeps): DocumentStore {
  switch (deps.config.DOCUMENT_STORAGE) {
    case 'local':
      return new LocalDiskDocumentStore(join(resolve(deps.config.CONVEYOR_DATA_DIR), 'documents'));
    case 's3': {
      const { config } = deps;
      return new S3DocumentStore({
        bucket: config.DOCUMENT_S3_BUCKET as string,
        prefix: config.DOCUMENT_S3_PREFIX,
        region: config.DOCUMENT_S3_REGION,
        endpoint: config.DOCUMENT_S3_ENDPOINT,
        forcePathStyle: config.DOCUMENT_S3_FORCE_PATH_STYLE,
        credentials: config.DOCUMENT_S3_ACCESS_KEY_ID && config.DOCUMENT_S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.DOCUMENT_S3_ACCESS_KEY_ID, secretAccessKey: config.DOCUMENT_S3_SECRET_ACCESS_KEY }
          : undefined,
      });
    }
  }
}

/** Step types read stored documents as the system (every document, whoever uploaded it). */
export function documentBytesReader(documents: DocumentIntakeService): DocumentBytesReader {
  return {
    async read(documentId) {
      const { document, content } = await documents.openContent({ actorId: 'system', seesAll: true }, documentId);
      const chunks: Buffer[] = [];
      for await (const chunk of content) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      return { bytes: Buffer.concat(chunks), fileName: document.fileName };
    },
  };
}

/** The invoice register's step types: duplicate detection after extraction, and people's confirmations. */
export function invoiceRegisterStepTypes(deps: WiringDeps, audit: AuditRecorder, teacher?: VendorProfileTeacher): StepType[] {
  const register = new SqlInvoiceRegister(deps.database.dataSource);
  return [createCheckDuplicateStepType(register), createConfirmInvoiceStepType(register, audit, teacher)] as StepType[];
}

/** Where the extract step records each document's invoice fields for the document list's search. */
export function invoiceFieldsRecorder(deps: WiringDeps): InvoiceFieldsRecorder {
  return new SqlInvoiceRegister(deps.database.dataSource);
}
