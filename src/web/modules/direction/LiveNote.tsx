// A page kept current by the direction stream: says whether the updates are live (a quiet line, not announced).
import { useTranslation } from 'react-i18next';
import { useDirectionStream } from './live.js';
import './insight.css';

export function LiveNote({
  roundId,
  bodyId,
  queryKey,
}: {
  roundId: string;
  bodyId: string;
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const state = useDirectionStream(roundId, bodyId, queryKey);
  return <p className="direction-live">{t(`directionLive.${state}`)}</p>;
}
