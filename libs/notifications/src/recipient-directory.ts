/** Who should get a mail, by people, roles and groups. */
export interface RecipientQuery {
  /** User ids, actor ids ('user:<id>') or the email addresses of users. */
  users?: readonly string[];
  roles?: readonly string[];
  groups?: readonly string[];
}

export interface Recipient {
  /** Lower-case address. */
  email: string;
  displayName?: string;
  /** The user's id (without the 'user:' prefix) when the recipient is a known user. */
  userId?: string;
}

export interface ResolvedRecipients {
  /** Each address once, in the order the query named them (users, then roles, then groups). */
  recipients: Recipient[];
  /** Entries that matched nobody active: 'user:<x>', 'role:<name>', 'group:<name>'. */
  unresolved: string[];
}

/** Turns users, roles and groups into addresses. The platform backs it with the identity service. */
export interface RecipientDirectory {
  resolve(query: RecipientQuery): Promise<ResolvedRecipients>;
}

/** The parts of a user the directory reads (IdentityService's UserView has them). */
export interface DirectoryUser {
  id: string;
  email: string;
  displayName?: string;
  roles: readonly string[];
  groups: readonly string[];
  active: boolean;
}

export interface DirectoryUserSource {
  listUsers(): Promise<readonly DirectoryUser[]>;
}

/**
 * A directory over the list of users (IdentityService.listUsers fits). It reads the list on every resolve, so
 * a person whose roles changed a moment ago is mailed accordingly; the user base of a back office is small.
 * Deactivated users are never mailed.
 */
export class UserListRecipientDirectory implements RecipientDirectory {
  constructor(private readonly source: DirectoryUserSource) {}

  async resolve(query: RecipientQuery): Promise<ResolvedRecipients> {
    const active = (await this.source.listUsers()).filter((user) => user.active);
    return resolveAgainst(active, query);
  }
}

/** The rules of resolution, apart from where the users come from. */
export function resolveAgainst(users: readonly DirectoryUser[], query: RecipientQuery): ResolvedRecipients {
  const found = new Map<string, Recipient>();
  const unresolved: string[] = [];
  const add = (user: DirectoryUser) => {
    const email = user.email.trim().toLowerCase();
    if (!found.has(email)) found.set(email, withoutEmptyName({ email, displayName: user.displayName, userId: user.id }));
  };
  for (const entry of unique(query.users)) {
    const wanted = entry.trim();
    const id = wanted.startsWith('user:') ? wanted.slice('user:'.length) : wanted;
    const email = wanted.toLowerCase();
    const user = users.find((candidate) => candidate.id === id || candidate.email.trim().toLowerCase() === email);
    if (user) add(user);
    else unresolved.push(wanted.startsWith('user:') ? wanted : `user:${wanted}`);
  }
  for (const role of unique(query.roles)) {
    const members = users.filter((user) => user.roles.includes(role));
    if (members.length === 0) unresolved.push(`role:${role}`);
    members.forEach(add);
  }
  for (const group of unique(query.groups)) {
    const members = users.filter((user) => user.groups.includes(group));
    if (members.length === 0) unresolved.push(`group:${group}`);
    members.forEach(add);
  }
  return { recipients: [...found.values()], unresolved };
}

function unique(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).filter((value) => value.trim() !== ''))];
}

function withoutEmptyName(recipient: Recipient): Recipient {
  return recipient.displayName ? recipient : { email: recipient.email, userId: recipient.userId };
}
