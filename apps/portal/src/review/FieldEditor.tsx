import type { ReviewField } from './review-fields';
import { fieldProblem } from './review-fields';

/** One extracted (or form) field: its value in place, how sure the reader was, and where it came from. */
export function FieldEditor({ field, value, onChange, onFocus }: { field: ReviewField; value: string; onChange: (value: string) => void; onFocus: () => void }) {
  const problem = fieldProblem(field, value);
  const id = `field-${field.name}`;
  const extracted = field.extracted;
  const changed = extracted !== undefined && value !== (extracted.value ?? '');
  return (
    <div className={`review-field${field.doubtful ? ' review-field-doubtful' : ''}${changed ? ' review-field-changed' : ''}`} onMouseEnter={onFocus} data-testid={`review-field-${field.name}`}>
      <label htmlFor={id}>
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
        {extracted && (
          <small className="provenance">
            {Math.round(extracted.confidence * 100)}% · {extracted.source}
            {extracted.page ? ` · page ${extracted.page}` : ''}
          </small>
        )}
      </label>
      <input
        id={id}
        name={field.name}
        value={value}
        required={field.required}
        aria-invalid={problem ? true : field.doubtful ? 'grammar' : undefined}
        aria-describedby={`${id}-notes`}
        onFocus={onFocus}
        onChange={(event) => onChange(event.target.value)}
      />
      <small id={`${id}-notes`}>
        {problem && <span className="error-text">{field.label} {problem}. </span>}
        {field.issues.map((issue) => (
          <span key={issue} className="warning-text">
            {issue}{' '}
          </span>
        ))}
        {extracted && extracted.value === null && <span className="warning-text">not found on the document </span>}
        {changed && <span className="muted">was “{extracted?.value ?? ''}”</span>}
      </small>
    </div>
  );
}
