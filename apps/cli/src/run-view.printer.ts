import type { RunDetailBody, RunEventBody, RunPageBody, StepExecutionBody } from '@conveyor/api-contracts';

/** 850ms, 1.2s, 3m 05s, 2h 10m. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

export function durationBetween(start: string | undefined, end: string | undefined): string {
  if (!start || !end) return '';
  return formatDuration(Date.parse(end) - Date.parse(start));
}

const STATUS_MARK: Record<string, string> = {
  succeeded: '✓',
  failed: '✗',
  skipped: '-',
  cancelled: '⊘',
};

/** `✓ fetch-invoices[2]  succeeded  120ms` (… for anything still in progress). */
export function formatStepLine(step: StepExecutionBody): string {
  const name = step.itemIndex === null ? step.stepId : `${step.stepId}[${step.itemIndex}]`;
  const parts = [`${STATUS_MARK[step.status] ?? '…'} ${name}`, step.status];
  if (step.attempt > 1) parts.push(`attempt ${step.attempt}`);
  const duration = durationBetween(step.startedAt, step.finishedAt);
  if (duration) parts.push(duration);
  let line = parts.join('  ');
  if (step.skipReason) line += ` (${step.skipReason})`;
  if (step.error) line += `: ${step.error.code}: ${step.error.message}`;
  return line;
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatRunPage(page: RunPageBody): string {
  if (page.items.length === 0) return 'no runs';
  const rows = page.items.map((run) => [
    run.id,
    run.workflowId,
    String(run.revision),
    run.status,
    run.createdAt,
    durationBetween(run.startedAt, run.finishedAt),
  ]);
  const text = table(['ID', 'WORKFLOW', 'REV', 'STATUS', 'CREATED', 'DURATION'], rows);
  return page.nextCursor ? `${text}\nmore: --cursor ${page.nextCursor}` : text;
}

function formatEvent(event: RunEventBody): string {
  const step = event.stepId ? ` ${event.stepId}${event.itemIndex === null || event.itemIndex === undefined ? '' : `[${event.itemIndex}]`}` : '';
  const attempt = event.attempt && event.attempt > 1 ? ` attempt ${event.attempt}` : '';
  return `${event.at}  ${event.type}${step}${attempt}  (${event.actor})`;
}

export function formatRunDetail(run: RunDetailBody): string {
  const lines = [
    `run       ${run.id}`,
    `workflow  ${run.workflowId} (revision ${run.revision})`,
    `status    ${run.status}${run.finishedAt ? ` in ${durationBetween(run.startedAt ?? run.createdAt, run.finishedAt)}` : ''}`,
    `trigger   ${String(run.trigger['type'] ?? 'unknown')}`,
    `created   ${run.createdAt}`,
  ];
  if (run.parentRunId) lines.push(`parent    ${run.parentRunId}`);
  lines.push(`inputs    ${JSON.stringify(run.inputs)}`);
  if (run.outputs) lines.push(`outputs   ${JSON.stringify(run.outputs)}`);
  if (run.error) lines.push(`error     ${run.error.code}: ${run.error.message}`);
  lines.push('', 'steps', ...(run.steps.length ? run.steps.map((step) => `  ${formatStepLine(step)}`) : ['  (none yet)']));
  lines.push('', 'events', ...run.events.map((event) => `  ${formatEvent(event)}`));
  return lines.join('\n');
}
