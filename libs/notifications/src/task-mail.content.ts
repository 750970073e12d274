import type { Task } from '@conveyor/approvals';
import type { TaskLinkAction } from './action-link.signer';
import { oneLine, renderHtmlTemplate, renderTextTemplate } from './mail-template';
import { TASK_MAIL_HTML, TASK_MAIL_SUBJECT, TASK_MAIL_TEXT } from './task-mail.templates';

/** Why a task mail is sent. */
export type TaskMailKind = 'assigned' | 'changes-requested' | 'reminder' | 'escalated';

export interface TaskMailLink {
  action: TaskLinkAction;
  url: string;
}

export interface TaskMailContent {
  subject: string;
  text: string;
  html: string;
}

const MAX_EVIDENCE_ENTRIES = 20;
const MAX_EVIDENCE_VALUE_LENGTH = 300;

const SUBJECT_PREFIX: Record<TaskMailKind, string> = {
  assigned: 'Decision needed',
  'changes-requested': 'Changes requested',
  reminder: 'Reminder',
  escalated: 'Escalated',
};

const INTRO: Record<TaskMailKind, string> = {
  assigned: 'A task is waiting for your decision in Conveyor.',
  'changes-requested': 'A reviewer asked for changes to something you submitted. Please correct it or upload it again in Conveyor.',
  reminder: 'Reminder: this task is still waiting for your decision in Conveyor.',
  escalated: 'This task was escalated to you: nobody decided it in time.',
};

const ACTION_LABEL: Record<TaskLinkAction, string> = {
  open: 'Open the task',
  approve: 'Approve',
  reject: 'Reject',
  'request-changes': 'Request changes',
};

/** Subject, text and HTML of one task mail; every task field is escaped in the HTML. */
export function renderTaskMail(kind: TaskMailKind, task: Task, links: readonly TaskMailLink[], linksExpireAt: Date): TaskMailContent {
  const timeZone = task.policy.timezone;
  const evidence = evidenceOf(task.context);
  const view = {
    subjectPrefix: SUBJECT_PREFIX[kind],
    intro: INTRO[kind],
    title: oneLine(task.title, 200),
    description: task.description,
    workflowId: task.workflowId,
    runId: task.runId,
    amount: task.amount === undefined ? undefined : [task.amount, task.currency].filter(Boolean).join(' '),
    due: task.dueAt ? formatInZone(task.dueAt, timeZone) : undefined,
    changeReason: kind === 'changes-requested' ? task.changeRequests.at(-1)?.reason : undefined,
    hasEvidence: evidence.entries.length > 0,
    evidence: evidence.entries,
    moreEvidence: evidence.more,
    actions: links.map((link) => ({ label: ACTION_LABEL[link.action], url: link.url })),
    linkNotice:
      `These links open the task in Conveyor: you sign in there, and nothing is decided until you confirm it. ` +
      `They expire on ${formatInZone(linksExpireAt, timeZone)}.`,
  };
  return {
    subject: oneLine(renderTextTemplate(TASK_MAIL_SUBJECT, view), 250),
    text: renderTextTemplate(TASK_MAIL_TEXT, view),
    html: renderHtmlTemplate(TASK_MAIL_HTML, view),
  };
}

/** The task's evidence as label/value lines: nested values as compact JSON, long values shortened. */
export function evidenceOf(context: Record<string, unknown> | undefined): { entries: { label: string; value: string }[]; more: number } {
  const all = Object.entries(context ?? {}).filter(([, value]) => value !== undefined);
  const entries = all.slice(0, MAX_EVIDENCE_ENTRIES).map(([label, value]) => ({ label, value: shorten(describeValue(value)) }));
  return { entries, more: all.length - entries.length };
}

/** "Tue, 6 Jan 2026, 17:00 CET": a date people read, in the task's time zone (UTC when the zone is unknown). */
export function formatInZone(date: Date, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(date);
  }
}

function describeValue(value: unknown): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function shorten(text: string): string {
  return text.length > MAX_EVIDENCE_VALUE_LENGTH ? `${text.slice(0, MAX_EVIDENCE_VALUE_LENGTH - 1)}…` : text;
}
