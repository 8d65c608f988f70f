import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../contracts/actions.ts';
import { ActionError, actionFieldErrors } from './ActionError.tsx';
import { useUpdateAction } from './useActions.ts';

/**
 * An action's outcome note (utfall), written inline: a button opens a text field with Spara and
 * Avbryt. The server refuses personal data; the reason is shown in the user's language.
 */
export function OutcomeEditor({
  action,
  canEdit,
  describedBy,
}: {
  action: ActionView;
  canEdit: boolean;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const update = useUpdateAction();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(action.outcomeNote);
  const hintId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back on the button after Spara or Avbryt, so keyboard users keep their place in the table.
  useEffect(() => {
    if (!editing && wasEditing.current) toggle.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (!editing) {
    const written = action.outcomeNote.length > 0;
    return (
      <div className="outcome">
        {written ? (
          <p className="outcome-text">{action.outcomeNote}</p>
        ) : canEdit ? (
          <p className="muted small">{t('actions.noOutcome')}</p>
        ) : null}
        {canEdit ? (
          <button
            ref={toggle}
            type="button"
            className="small-button"
            aria-describedby={describedBy}
            onClick={() => {
              setText(action.outcomeNote);
              update.reset();
              setEditing(true);
            }}
          >
            {t(written ? 'actions.changeOutcome' : 'actions.writeOutcome')}
          </button>
        ) : null}
      </div>
    );
  }
  const error = actionFieldErrors(update.error).outcomeNote;
  return (
    // Unnamed on purpose: inside a table cell a form's name would become part of the cell's name.
    <form
      className="outcome-editor"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ id: action.id, update: { outcomeNote: text } }, { onSuccess: () => setEditing(false) });
      }}
    >
      <textarea
        aria-label={t('actions.outcomeFor', { title: action.title })}
        aria-describedby={hintId}
        aria-invalid={update.isError}
        rows={3}
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoFocus
      />
      <span id={hintId} className="muted small">
        {t('actions.outcomeHint')}
      </span>
      {error ? <span className="field-error">{error}</span> : null}
      <div>
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? t('actions.saving') : t('actions.save')}
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          {t('actions.cancel')}
        </button>
      </div>
      <ActionError error={update.error} />
    </form>
  );
}
