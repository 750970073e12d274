import type { Role } from '../api/types';

export interface NavigationItem {
  path: string;
  label: string;
  /** Any one of these roles shows the item. */
  roles: readonly Role[];
}

const READERS: readonly Role[] = ['admin', 'accountant', 'approver', 'auditor'];

/** The screens and who sees them (the API decides what they may do; this only spares people dead ends). */
export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/upload', label: 'Upload', roles: ['uploader', 'accountant', 'admin'] },
  { path: '/inbox', label: 'Inbox', roles: ['accountant', 'approver', 'admin', 'uploader'] },
  { path: '/documents', label: 'Documents', roles: ['uploader', ...READERS] },
  { path: '/runs', label: 'Runs', roles: READERS },
  { path: '/reconciliation', label: 'Reconciliation', roles: READERS },
  { path: '/workflows', label: 'Workflows', roles: READERS },
  { path: '/dashboard', label: 'Dashboard', roles: READERS },
];

export function navigationFor(roles: readonly Role[]): NavigationItem[] {
  return NAVIGATION.filter((item) => item.roles.some((role) => roles.includes(role)));
}

/** Where someone lands after signing in: their most likely work. */
export function homeFor(roles: readonly Role[]): string {
  if (roles.includes('accountant') || roles.includes('approver')) return '/inbox';
  if (roles.includes('admin')) return '/workflows';
  if (roles.includes('uploader')) return '/upload';
  return navigationFor(roles)[0]?.path ?? '/documents';
}
