/** Who is reading documents: the actor id, and whether their roles let them see every document. */
export interface DocumentViewer {
  actorId: string;
  seesAll: boolean;
}

/** Roles that read every document; an uploader (and anyone else allowed in) reads only what they uploaded. */
export const ROLES_THAT_SEE_ALL_DOCUMENTS = ['accountant', 'approver', 'auditor', 'admin'] as const;

export function documentViewer(actorId: string, roles: readonly string[]): DocumentViewer {
  return { actorId, seesAll: roles.some((role) => (ROLES_THAT_SEE_ALL_DOCUMENTS as readonly string[]).includes(role)) };
}
