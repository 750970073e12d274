import { ApiError } from '../api/client';

export function ErrorNotice({ error }: { error?: unknown }) {
  if (!error) return null;
  const text = error instanceof ApiError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" className="error-text">
      {text}
    </p>
  );
}
