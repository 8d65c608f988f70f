import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/session.tsx';
import { useFocusAreas, useOrganisations } from '../../shared/reference.ts';
import { codeFrom } from './codes.ts';
import { Choices, Field, RowLabel, Select, sameSet } from './FormFields.tsx';
import { PromiseError, promiseFieldErrors } from './promiseErrors.tsx';
import { useSaveAgreement, type AgreementView } from './usePromises.ts';

interface Document {
  title: string;
  url: string;
}
interface Signatory {
  organisationCode: string;
  title: string;
}

/**
 * A collaboration agreement: a new one (next year's, written with the police), or changes to one.
 * One signatory title per party; documents as links. On edit only what changed is sent, so a
 * colleague's change to another field is not overwritten with what this form loaded.
 */
export function AgreementForm({
  agreement,
  onDone,
}: {
  agreement?: AgreementView;
  onDone: (saved: AgreementView) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const organisations = useOrganisations();
  const focusAreas = useFocusAreas();
  const nextYear = new Date().getFullYear() + 1;
  const [title, setTitle] = useState(agreement?.title ?? '');
  const [code, setCode] = useState<string | null>(null);
  const [periodStart, setPeriodStart] = useState(agreement?.periodStart ?? `${nextYear}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(agreement?.periodEnd ?? `${nextYear}-12-31`);
  const [parties, setParties] = useState(agreement?.parties.map((p) => p.code) ?? [user.organisationCode]);
  const [focus, setFocus] = useState(agreement?.focusAreas.map((f) => f.code) ?? []);
  // Rows, not one per party: a party often signs twice (the board's chair and the chief executive).
  const [signatories, setSignatories] = useState<Signatory[]>(agreement?.signatories ?? []);
  const [documents, setDocuments] = useState<Document[]>(agreement?.documents ?? []);
  const chosenCode = code ?? codeFrom(title);

  const signed = signatories
    .filter((s) => s.title.trim() || s.organisationCode)
    .map((s) => ({ organisationCode: s.organisationCode, title: s.title.trim() }));
  const docs = documents
    .filter((d) => d.title.trim() || d.url.trim())
    .map((d) => ({ title: d.title.trim(), url: d.url.trim() }));
  const save = useSaveAgreement(agreement?.id);
  const body = () => {
    if (!agreement) {
      return {
        code: chosenCode,
        title,
        periodStart,
        periodEnd,
        partyCodes: parties,
        focusAreaCodes: focus,
        signatories: signed,
        documents: docs,
      };
    }
    const same = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
    return {
      ...(title !== agreement.title ? { title } : {}),
      ...(periodStart !== agreement.periodStart ? { periodStart } : {}),
      ...(periodEnd !== agreement.periodEnd ? { periodEnd } : {}),
      ...(!sameSet(
        parties,
        agreement.parties.map((p) => p.code),
      )
        ? { partyCodes: parties }
        : {}),
      ...(!sameSet(
        focus,
        agreement.focusAreas.map((f) => f.code),
      )
        ? { focusAreaCodes: focus }
        : {}),
      ...(!same(signed, agreement.signatories) ? { signatories: signed } : {}),
      ...(!same(docs, agreement.documents) ? { documents: docs } : {}),
    };
  };
  const errors = promiseFieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(body(), { onSuccess: onDone });
  };
  const setDocument = (i: number, change: Partial<Document>) =>
    setDocuments((list) => list.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const setSignatory = (i: number, change: Partial<Signatory>) =>
    setSignatories((list) => list.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const organisationName = (code: string) => organisations.data?.find((o) => o.code === code)?.name ?? code;
  const name = agreement
    ? t('promises.agreementForm.editTitle', { title: agreement.title })
    : t('promises.agreementForm.newTitle');

  return (
    <form className="card planning-form" onSubmit={submit} aria-label={name} noValidate>
      <h3 className="tight">{name}</h3>
      <fieldset className="plain" disabled={save.isPending}>
        <div className="grid2">
          <Field
            label={t('promises.agreementForm.title')}
            value={title}
            onChange={setTitle}
            error={errors.title}
            required
          />
          {agreement ? null : (
            <Field
              label={t('promises.agreementForm.code')}
              value={chosenCode}
              onChange={setCode}
              error={errors.code}
              hint={t('promises.codeHint')}
            />
          )}
          <Field
            label={t('promises.create.start')}
            type="date"
            value={periodStart}
            onChange={setPeriodStart}
            error={errors.periodStart}
            required
          />
          <Field
            label={t('promises.create.end')}
            type="date"
            value={periodEnd}
            onChange={setPeriodEnd}
            error={errors.periodEnd}
            required
          />
        </div>
        <Choices
          legend={t('promises.agreement.parties')}
          options={(organisations.data ?? []).map((o) => ({ code: o.code, name: o.name }))}
          chosen={parties}
          onChange={setParties}
          error={errors.partyCodes}
        />
        <Choices
          legend={t('promises.agreement.focusAreas')}
          options={(focusAreas.data ?? []).map((f) => ({ code: f.code, name: f.name }))}
          chosen={focus}
          onChange={setFocus}
          error={errors.focusAreaCodes}
        />
        <fieldset>
          <legend>{t('promises.agreement.signatories')}</legend>
          {signatories.map((x, i) => (
            <div key={i} className="document-row">
              <Select
                label={
                  <RowLabel
                    text={t('promises.agreementForm.signatoryParty')}
                    row={t('promises.agreementForm.signatoryRow', { number: i + 1 })}
                  />
                }
                value={x.organisationCode}
                onChange={(organisationCode) => setSignatory(i, { organisationCode })}
              >
                <option value="">–</option>
                {[...new Set([...parties, x.organisationCode].filter(Boolean))].map((code) => (
                  <option key={code} value={code}>
                    {organisationName(code)}
                  </option>
                ))}
              </Select>
              <Field
                label={
                  <RowLabel
                    text={t('promises.agreementForm.signatoryTitle')}
                    row={t('promises.agreementForm.signatoryRow', { number: i + 1 })}
                  />
                }
                value={x.title}
                onChange={(title) => setSignatory(i, { title })}
                placeholder={t('promises.agreementForm.signatoryExample')}
              />
              <button
                type="button"
                className="link"
                onClick={() => setSignatories((list) => list.filter((_, j) => j !== i))}
              >
                {t('promises.agreementForm.removeSignatory')}
              </button>
            </div>
          ))}
          {errors.signatories ? <span className="field-error">{errors.signatories}</span> : null}
          <button
            type="button"
            onClick={() =>
              setSignatories((list) => [
                ...list,
                { organisationCode: parties.find((p) => !list.some((x) => x.organisationCode === p)) ?? '', title: '' },
              ])
            }
          >
            {t('promises.agreementForm.addSignatory')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('promises.agreement.documents')}</legend>
          {documents.map((d, i) => (
            <div key={i} className="document-row">
              <Field
                label={
                  <RowLabel
                    text={t('promises.agreementForm.documentTitle')}
                    row={t('promises.agreementForm.documentRow', { number: i + 1 })}
                  />
                }
                value={d.title}
                onChange={(title) => setDocument(i, { title })}
              />
              <Field
                label={
                  <RowLabel
                    text={t('promises.agreementForm.documentUrl')}
                    row={t('promises.agreementForm.documentRow', { number: i + 1 })}
                  />
                }
                type="url"
                value={d.url}
                onChange={(url) => setDocument(i, { url })}
                placeholder="https://"
              />
              <button
                type="button"
                className="link"
                onClick={() => setDocuments((list) => list.filter((_, j) => j !== i))}
              >
                {t('promises.agreementForm.removeDocument')}
              </button>
            </div>
          ))}
          {errors.documents ? <span className="field-error">{errors.documents}</span> : null}
          <button type="button" onClick={() => setDocuments((list) => [...list, { title: '', url: '' }])}>
            {t('promises.agreementForm.addDocument')}
          </button>
        </fieldset>
        <button type="submit" className="primary">
          {save.isPending ? t('promises.saving') : t('promises.agreementForm.submit')}
        </button>
      </fieldset>
      <PromiseError error={save.error} />
    </form>
  );
}
