import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** The error under a field, tied to it with aria-describedby; outside the label so it does not become the field's name. */
function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <span id={id} className="field-error">
      {error}
    </span>
  ) : null;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/** A labelled text, date or number input with its field error. */
export function Field({
  label,
  value,
  onChange,
  error,
  hint,
  ...rest
}: InputProps & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label>
        {label}
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={
            [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
          }
          {...rest}
        />
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="small muted">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label>
        {label}
        <textarea
          rows={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={
            [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
          }
        />
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="small muted">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function Select({
  label,
  value,
  onChange,
  error,
  children,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label>
        {label}
        <select
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          {children}
        </select>
      </label>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** A group of checkboxes (parties, owners, places): a fieldset whose legend names the group. */
export function Choices({
  legend,
  options,
  chosen,
  onChange,
  error,
}: {
  legend: string;
  options: { code: string; name: string }[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} aria-invalid={Boolean(error)}>
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((o) => (
          <label key={o.code} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(o.code)}
              onChange={() =>
                onChange(chosen.includes(o.code) ? chosen.filter((c) => c !== o.code) : [...chosen, o.code])
              }
            />
            {o.name}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

/** A visible label with a hidden tail that tells repeated rows apart for screen readers: "Titel" heard as "Titel (undertecknare 2)". */
export function RowLabel({ text, row }: { text: string; row: string }) {
  return (
    <>
      {text}
      <span className="visually-hidden"> ({row})</span>
    </>
  );
}

/** Same members, whatever the order. */
export const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
