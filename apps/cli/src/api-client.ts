import { DomainError } from '@conveyor/kernel';
import type {
  ApiErrorBody,
  ListRunsQuery,
  LoginBody,
  LoginResponse,
  PublishWorkflowResponse,
  RunDetailBody,
  RunPageBody,
  RunSummaryBody,
  StartRunBody,
} from '@conveyor/api-contracts';

/**
 * The CLI's HTTP client for a running Conveyor API (Node's fetch). API errors become DomainErrors
 * with the API's code; no server at the address becomes API_UNREACHABLE.
 */
export class ConveyorApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  login(body: LoginBody): Promise<LoginResponse> {
    return this.request('POST', '/api/auth/login', body);
  }

  logout(): Promise<unknown> {
    return this.request('POST', '/api/auth/logout');
  }

  publishWorkflow(yaml: string): Promise<PublishWorkflowResponse> {
    return this.request('POST', '/api/workflows', { yaml });
  }

  startRun(workflowId: string, body: StartRunBody): Promise<RunSummaryBody> {
    return this.request('POST', `/api/workflows/${encodeURIComponent(workflowId)}/runs`, body);
  }

  getRun(runId: string): Promise<RunDetailBody> {
    return this.request('GET', `/api/runs/${encodeURIComponent(runId)}`);
  }

  listRuns(query: ListRunsQuery): Promise<RunPageBody> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const search = params.size > 0 ? `?${params}` : '';
    return this.request('GET', `/api/runs${search}`);
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new DomainError('API_UNREACHABLE', `no Conveyor API at ${this.baseUrl}: start it with \`npm start\``, {
        cause: error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error),
      });
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (response.ok) return parsed as T;
    throw apiError(response.status, parsed, this.baseUrl);
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function apiError(status: number, body: unknown, baseUrl: string): DomainError {
  const error = (body as Partial<ApiErrorBody> | undefined)?.error;
  if (status === 401) {
    return new DomainError(
      'API_UNAUTHENTICATED',
      `the API at ${baseUrl} refused the request: sign in with \`npx conveyor login\`, or set CONVEYOR_API_TOKEN to an API key${error ? ` (${error.message})` : ''}`,
    );
  }
  if (!error || typeof error.code !== 'string') {
    return new DomainError('API_UNEXPECTED_RESPONSE', `the API answered ${status} without a Conveyor error body; is ${baseUrl} a Conveyor API?`, {
      status,
    });
  }
  return new DomainError(error.code, error.message, { status, ...(error.details ?? {}), ...(error.problems ? { problems: error.problems } : {}) });
}
