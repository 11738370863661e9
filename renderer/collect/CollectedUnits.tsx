/**
 * Above a collected table: how many of its units have sent their figures, which ones not yet, and
 * — opened — every unit with the file its figures came from and when. The district staff see at a
 * glance who still owes them a file, without running the collect again.
 */
import { t, useLanguage } from '../i18n';
import { formatDateTime } from '../shell/format-time';
import type { UnitState } from './collected-cells';

export function CollectedUnits({ units }: { units: readonly UnitState[] }) {
  useLanguage();
  const missing = units.filter((u) => u.file === null);
  return (
    <details className="collected-units" data-testid="collected-units">
      <summary>
        {t('collected.summary', { received: units.length - missing.length, total: units.length })}
        {missing.length > 0 &&
          ` · ${t('collected.missing', { units: missing.map((u) => u.unit).join(', ') })}`}
      </summary>
      <table className="collect-table">
        <thead>
          <tr>
            <th>{t('collect.unit')}</th>
            <th>{t('collect.status')}</th>
            <th>{t('collect.file')}</th>
            <th>{t('collected.time')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr
              key={u.rowId}
              data-unit={u.unit}
              data-status={u.file === null ? 'missing' : 'received'}
            >
              <td>{u.unit}</td>
              <td className={u.file === null ? 'collect-missing' : 'collect-received'}>
                {t(u.file === null ? 'collect.missing' : 'collect.received')}
              </td>
              <td>{u.file ?? ''}</td>
              <td>{u.time === null ? '' : formatDateTime(u.time)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
