import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCoordinator, useUser } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';

import { formatDateTime } from '../../shared/format.ts';
import { StatusBadge } from './ProgressSummary.tsx';
import { usePromiseMutation, type AgreementView, type FollowUpView } from './usePromises.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

function CommentEditor({ followUp, item }: { followUp: FollowUpView; item: FollowUpView['items'][number] }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState(item.comment);
  const save = usePromiseMutation(() =>
    api.put<FollowUpView>(`/api/follow-ups/${followUp.id}/comments/${item.commitmentId}`, { comment }),
  );
  return (
    <div className="comment-editor">
      <label>
        {t('promises.followUps.comment', { title: item.title })}
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button
        type="button"
        onClick={() => save.mutate(undefined)}
        disabled={save.isPending || comment === item.comment}
      >
        {t('promises.followUps.saveComment')}
      </button>
      <ErrorAlert error={save.error} />
    </div>
  );
}

/** One follow-up: the frozen numbers, a comment per commitment, approvals, and the text to share. */
export function FollowUpCard({ followUp, agreement }: { followUp: FollowUpView; agreement: AgreementView }) {
  const { t } = useTranslation();
  const user = useUser();
  const approve = usePromiseMutation(() => api.post<FollowUpView>(`/api/follow-ups/${followUp.id}/approve`));
  const isParty = agreement.parties.some((p) => p.code === user.organisationCode);
  const canEdit = followUp.status === 'draft' && isCoordinator(user) && isParty;
  const canApprove =
    followUp.status === 'draft' &&
    isCoordinator(user) &&
    followUp.awaiting.some((p) => p.code === user.organisationCode);
  const [copied, setCopied] = useState(false);
  return (
    <article className="card" aria-labelledby={`fu-${followUp.id}`}>
      <h2 id={`fu-${followUp.id}`}>
        {followUp.title}{' '}
        <span className={`badge follow-up-${followUp.status}`}>
          {t(`promises.followUps.status.${followUp.status}`)}
        </span>
      </h2>
      <p className="small muted">
        {t('promises.followUps.snapshot', { at: formatDateTime(followUp.snapshotAt) })}
        {followUp.approvals
          .map((a) => ` · ${t('promises.followUps.approvedBy', { who: a.organisationName })}`)
          .join('')}
        {followUp.awaiting.length
          ? ` · ${t('promises.followUps.awaiting', { who: followUp.awaiting.map((p) => p.name).join(', ') })}`
          : ''}
      </p>
      <ul className="feedback-list">
        {followUp.items.map((item) => (
          <li key={item.commitmentId} className="follow-up-item">
            <strong>{item.title}</strong> <StatusBadge status={item.progress.status} /> {item.progress.done}/
            {item.progress.target}
            {canEdit ? (
              <CommentEditor followUp={followUp} item={item} />
            ) : item.comment ? (
              <p className="small">{item.comment}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {canApprove ? (
        <button
          type="button"
          className="primary"
          onClick={() => approve.mutate(undefined)}
          disabled={approve.isPending}
        >
          {t('promises.followUps.approve', { organisation: user.organisationName })}
        </button>
      ) : null}
      <ErrorAlert error={approve.error} />
      <h3>{t('promises.followUps.share')}</h3>
      <p className="share-text">{followUp.socialText}</p>
      <button
        type="button"
        onClick={() => void navigator.clipboard?.writeText(followUp.socialText).then(() => setCopied(true))}
      >
        {copied ? t('promises.followUps.copied') : t('promises.followUps.copy')}
      </button>
    </article>
  );
}
