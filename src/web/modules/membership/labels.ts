// Translated names of membership states, processes, actions, penalties and outcomes; unknown
// codes from a newer server fall back to the code with spaces.
import { useTranslation } from 'react-i18next';

const plain = (code: string) => code.replace(/[_.]/g, ' ');

export function useLabels() {
  const { t } = useTranslation();
  // Codes may be dotted ('dues.paid'); i18next would read the dot as nesting, so keys use underscores.
  const tr = (group: string) => (code: string) =>
    t(`${group}.${code.replace(/\./g, '_')}`, { defaultValue: plain(code) });
  return {
    status: tr('personStatus'),
    process: tr('process'),
    action: tr('auditAction'),
    state: tr('state'),
    penalty: tr('penalty'),
    outcome: tr('outcome'),
    target: tr('applicationTarget'),
  };
}
