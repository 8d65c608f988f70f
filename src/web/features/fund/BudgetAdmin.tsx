import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetView } from '../../../contracts/fund.ts';
import { formatOreShort, parseKronor } from '../../../contracts/fund-money.ts';
import { api } from '../../shared/api.ts';
import { potCode } from './pot-code.ts';
import { fundErrorMessage } from './useFund.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** For the fund managers: the year's budget total and new pots allocated out of it. */
export function BudgetAdmin({ year, budget }: { year: number; budget: BudgetView | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [total, setTotal] = useState(budget ? formatOreShort(budget.totalOre).replace(/\s*kr$/, '') : '');
  const [source, setSource] = useState(budget?.source ?? '');
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [amount, setAmount] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['fund'] });
  const setBudget = useMutation({
    mutationFn: (body: unknown) => api.put<BudgetView>(`/api/fund/budgets/${year}`, body),
    onSuccess: refresh,
  });
  const addPot = useMutation({
    mutationFn: (body: unknown) => api.post('/api/fund/pots', body),
    onSuccess: () => {
      setName('');
      setPurpose('');
      setAmount('');
      return refresh();
    },
  });
  const onBudget = (event: FormEvent) => {
    event.preventDefault();
    setBudget.mutate({ totalOre: parseKronor(total), source });
  };
  const onPot = (event: FormEvent) => {
    event.preventDefault();
    addPot.mutate({ year, code: potCode(year, name), name, purpose, amountOre: parseKronor(amount) });
  };
  return (
    <details className="card">
      <summary>{t('fund.admin.title', { year })}</summary>
      <form onSubmit={onBudget} aria-label={t('fund.admin.budgetForm')}>
        <div className="row">
          <label>
            {t('fund.admin.total')}
            <input inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} required />
          </label>
          <label>
            {t('fund.source')}
            <input value={source} onChange={(e) => setSource(e.target.value)} />
          </label>
        </div>
        <ErrorAlert error={setBudget.error} message={fundErrorMessage} />
        <button type="submit" disabled={setBudget.isPending}>
          {t('fund.admin.saveBudget')}
        </button>
      </form>
      <form onSubmit={onPot} aria-label={t('fund.admin.potForm')}>
        <div className="row">
          <label>
            {t('fund.admin.potName')}
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <label>
            {t('fund.admin.potAmount')}
            <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
          </label>
        </div>
        <label>
          {t('fund.purpose')}
          <input value={purpose} onChange={(e) => setPurpose(e.target.value)} />
        </label>
        <ErrorAlert error={addPot.error} message={fundErrorMessage} />
        <button type="submit" disabled={addPot.isPending || !budget}>
          {t('fund.admin.addPot')}
        </button>
      </form>
    </details>
  );
}
