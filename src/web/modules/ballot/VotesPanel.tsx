// The chair's vote controls (chair, presidium, secretary, tellers): announce a vote on a motion, an election or a
// question put by the chair (open, roll-call or secret; the kind of question gives the statute's majority), open,
// close, cancel; ballots received live; the tellers' count of a show of hands; the roll-call sheet.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../contracts/assembly.js';
import { QuestionKind, VoteMethod, type Election, type Vote } from '../../../contracts/ballot.js';
import { useFormat } from '../../app/format.js';
import { ActionForm, Field, FormError, Select } from '../../ui/forms.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok } from '../../app/api.js';
import type { Live } from '../assembly/queries.js';
import { useBallotLabels, VoteResultView } from './common.js';
import { ballotKeys } from './keys.js';
import { useBallotAction, useElections, useMotions, useVotes } from './queries.js';

type Subject = 'motion' | 'election' | 'question';

function AnnounceForm({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const L = useBallotLabels();
  const motions = useMotions(meeting.id);
  const elections = useElections(meeting.id);
  const act = useBallotAction(meeting.id);
  const [subject, setSubject] = useState<Subject>('election');
  const [motionId, setMotionId] = useState('');
  const [electionId, setElectionId] = useState('');
  const [title, setTitle] = useState('');
  const [method, setMethod] = useState<VoteMethod>('secret');
  const [kind, setKind] = useState<QuestionKind>('procedural');
  const openMotions = (motions.data?.items ?? []).filter((m) => m.status === 'supported');
  const openElections = (elections.data?.items ?? []).filter((e) => e.status === 'nominating');
  const motion = openMotions.find((m) => m.id === motionId) ?? openMotions[0];
  const election = openElections.find((e) => e.id === electionId) ?? openElections[0];
  const currentItem = live.state?.currentItem?.id ?? meeting.agenda.find((a) => a.status === 'current')?.id;
  return (
    <ActionForm
      title={t('ballots.announceTitle')}
      submitLabel={t('ballots.announce')}
      state={act}
      testId="announce-form"
      onSubmit={() => {
        const base = { method };
        if (subject === 'motion') {
          if (!motion) return t('ballots.noMotionToPut');
          act.mutate(() =>
            ok(
              client.POST('/api/meetings/{id}/votes', {
                params: { path: { id: meeting.id } },
                body: { ...base, motionId: motion.id },
              }),
            ),
          );
        } else if (subject === 'election') {
          if (!election) return t('ballots.noElectionToPut');
          act.mutate(() =>
            ok(
              client.POST('/api/meetings/{id}/votes', {
                params: { path: { id: meeting.id } },
                body: { ...base, electionId: election.id },
              }),
            ),
          );
        } else {
          if (!title.trim()) return t('ballots.needQuestion');
          act.mutate(() =>
            ok(
              client.POST('/api/meetings/{id}/votes', {
                params: { path: { id: meeting.id } },
                body: {
                  ...base,
                  title: title.trim(),
                  questionKind: kind,
                  ...(currentItem ? { agendaItemId: currentItem } : {}),
                },
              }),
            ),
          );
        }
      }}
    >
      <div className="inline-fields">
        <Select
          label={t('ballots.subject')}
          value={subject}
          onChange={setSubject}
          options={[
            { value: 'election', label: t('ballots.subjectElection') },
            { value: 'motion', label: t('ballots.subjectMotion') },
            { value: 'question', label: t('ballots.subjectQuestion') },
          ]}
        />
        <Select
          label={t('ballots.methodLabel')}
          value={method}
          onChange={setMethod}
          options={VoteMethod.options.map((m) => ({ value: m, label: L.method(m) }))}
        />
      </div>
      {subject === 'motion' &&
        (openMotions.length ? (
          <Select
            label={t('ballots.motion')}
            value={motion?.id ?? ''}
            onChange={setMotionId}
            options={openMotions.map((m) => ({
              value: m.id,
              label: m.amendsId ? m.title : `${t('ballots.motionN', { n: m.seq })}: ${m.title}`,
            }))}
          />
        ) : (
          <p className="muted">{t('ballots.noMotionToPut')}</p>
        ))}
      {subject === 'election' &&
        (openElections.length ? (
          <Select
            label={t('ballots.election')}
            value={election?.id ?? ''}
            onChange={setElectionId}
            options={openElections.map((e) => ({ value: e.id, label: e.title }))}
          />
        ) : (
          <p className="muted">{t('ballots.noElectionToPut')}</p>
        ))}
      {subject === 'question' && (
        <>
          <Field label={t('ballots.question')} value={title} onChange={setTitle} />
          <Select
            label={t('ballots.kindLabel')}
            value={kind}
            onChange={setKind}
            options={QuestionKind.options.map((k) => ({ value: k, label: L.kind(k) }))}
          />
        </>
      )}
    </ActionForm>
  );
}

/** Tellers' count of a show of hands: for / against / abstain, or hands for each candidate. */
function CountEntry({ meeting, vote, election }: { meeting: Meeting; vote: Vote; election?: Election }) {
  const { t } = useTranslation();
  const f = useFormat();
  const act = useBallotAction(meeting.id);
  const [counts, setCounts] = useState({ for: '', against: '0', abstain: '0' });
  const [tallies, setTallies] = useState<Record<string, string>>({});
  const n = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);
  const running = (election?.candidates ?? []).filter((c) => c.consent === 'consented' && !c.withdrawn);
  return (
    <ActionForm
      title={t('ballots.countTitle')}
      submitLabel={t('ballots.enterCount')}
      state={act}
      testId="count-form"
      secondary
      onSubmit={() => {
        if (vote.electionId) {
          const out: Record<string, number> = {};
          for (const c of running) {
            const v = n(tallies[c.personId] ?? '');
            if (Number.isNaN(v)) return t('ballots.needNumbers');
            out[c.personId] = v;
          }
          act.mutate(() =>
            ok(client.POST('/api/votes/{id}/count', { params: { path: { id: vote.id } }, body: { tallies: out } })),
          );
        } else {
          const c = { for: n(counts.for), against: n(counts.against), abstain: n(counts.abstain) };
          if (Object.values(c).some(Number.isNaN)) return t('ballots.needNumbers');
          act.mutate(() =>
            ok(client.POST('/api/votes/{id}/count', { params: { path: { id: vote.id } }, body: { counts: c } })),
          );
        }
      }}
    >
      {vote.electionId ? (
        running.map((c) => (
          <Field
            key={c.personId}
            label={t('ballots.handsFor', { name: f.name(c) })}
            type="number"
            min={0}
            value={tallies[c.personId] ?? ''}
            onChange={(v) => setTallies((x) => ({ ...x, [c.personId]: v }))}
          />
        ))
      ) : (
        <fieldset className="votes">
          <legend>{t('ballots.hands')}</legend>
          {(['for', 'against', 'abstain'] as const).map((k) => (
            <Field
              key={k}
              label={t(`ballots.choice.${k}`)}
              type="number"
              min={0}
              value={counts[k]}
              onChange={(v) => setCounts((c) => ({ ...c, [k]: v }))}
            />
          ))}
        </fieldset>
      )}
    </ActionForm>
  );
}

/** The roll-call sheet: each present voter and their choice, recorded by the secretary. */
function RollCallSheet({ meeting, vote }: { meeting: Meeting; vote: Vote }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useBallotLabels();
  const qc = useQueryClient();
  const key = [...ballotKeys.vote(meeting.id, vote.id), 'roll'];
  const roll = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => ok(client.GET('/api/votes/{id}/roll-call', { params: { path: { id: vote.id } }, signal })),
    retry: false,
  });
  const act = useBallotAction(meeting.id);
  const voters = roll.data?.items ?? [];
  return (
    <div className="roll-call" data-testid="roll-call-sheet">
      <h4>{t('ballots.rollSheet')}</h4>
      {roll.isError && <FormError id={`roll-load-${vote.id}`} error={roll.error} />}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('ballots.voter')}</th>
              <th scope="col">{t('ballots.recorded')}</th>
              <th scope="col">{t('ballots.record')}</th>
            </tr>
          </thead>
          <tbody>
            {voters.map((p) => (
              <tr key={p.personId} data-testid="roll-row">
                <th scope="row">{f.name(p)}</th>
                <td>{p.choice ? L.choice(p.choice) : '—'}</td>
                <td>
                  <span className="button-row">
                    {(['for', 'against', 'abstain'] as const).map((c) => (
                      <button
                        key={c}
                        type="button"
                        className={p.choice === c ? 'button' : 'button button-secondary'}
                        aria-pressed={p.choice === c}
                        disabled={act.isPending || vote.status !== 'open'}
                        aria-label={`${L.choice(c)} — ${f.name(p)}`}
                        onClick={() =>
                          act.mutate(
                            () =>
                              ok(
                                client.POST('/api/votes/{id}/roll-call', {
                                  params: { path: { id: vote.id } },
                                  body: { personId: p.personId, choice: c },
                                }),
                              ),
                            { onSuccess: () => void qc.invalidateQueries({ queryKey: key }) },
                          )
                        }
                      >
                        {L.choice(c)}
                      </button>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormError id={`roll-${vote.id}`} error={act.error} />
    </div>
  );
}

function VoteCard({
  meeting,
  vote,
  live,
  election,
  canRun,
}: {
  meeting: Meeting;
  vote: Vote;
  live: Live;
  election?: Election;
  canRun: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useBallotLabels();
  const act = useBallotAction(meeting.id);
  const lv = live.state?.vote?.id === vote.id ? live.state.vote : null;
  const status = lv?.status ?? vote.status;
  const received = lv ? Math.max(lv.received, vote.received) : vote.received;
  const result = lv?.result ?? vote.result;
  const candidates = (election?.candidates ?? []).map((c) => ({ id: c.personId, name: f.name(c) }));
  const go = (a: 'open' | 'close' | 'cancel') =>
    act.mutate(() => ok(client.POST(`/api/votes/{id}/${a}`, { params: { path: { id: vote.id } } })));
  return (
    <li className="vote-card" data-testid="vote-card" data-status={status}>
      <p>
        <strong>{vote.title}</strong> <span className="badge">{L.method(vote.method)}</span>{' '}
        <span className={`badge vote-status-${status}`} data-testid="vote-status">
          {L.status(status)}
        </span>
        {vote.majority && (
          <span className="small muted">
            {' '}
            {L.threshold(vote.majority.threshold)}, {L.base(vote.majority.of)}
          </span>
        )}
      </p>
      {(status === 'open' || status === 'announced') && vote.method !== 'open' && (
        <p aria-live="polite">
          {vote.method === 'secret' ? t('ballots.ballotsReceived') : t('ballots.votesRecorded')}:{' '}
          <strong data-testid="vote-received">{f.number(received)}</strong>
        </p>
      )}
      {canRun && (
        <div className="button-row">
          {status === 'announced' && (
            <button
              type="button"
              className="button"
              disabled={act.isPending}
              aria-busy={act.isPending || undefined}
              onClick={() => go('open')}
            >
              {t('ballots.openVote')}
            </button>
          )}
          {status === 'open' && (
            <button
              type="button"
              className="button"
              disabled={act.isPending}
              aria-busy={act.isPending || undefined}
              onClick={() => {
                if (window.confirm(t('ballots.closeConfirm'))) go('close');
              }}
            >
              {t('ballots.closeVote')}
            </button>
          )}
          {(status === 'announced' || status === 'open') && (
            <button
              type="button"
              className="button button-secondary"
              disabled={act.isPending}
              aria-busy={act.isPending || undefined}
              onClick={() => {
                if (window.confirm(t('ballots.cancelConfirm'))) go('cancel');
              }}
            >
              {t('ballots.cancelVote')}
            </button>
          )}
        </div>
      )}
      <FormError id={`vote-act-${vote.id}`} error={act.error} />
      {status === 'open' && vote.method === 'open' && meeting.can.tell && (
        <CountEntry meeting={meeting} vote={vote} election={election} />
      )}
      {status === 'open' && vote.method === 'roll_call' && meeting.can.recordRoll && (
        <RollCallSheet meeting={meeting} vote={vote} />
      )}
      {status === 'closed' && result && <VoteResultView result={result} candidates={candidates} />}
    </li>
  );
}

export function VotesPanel({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const votes = useVotes(meeting.id);
  const elections = useElections(meeting.id);
  const canRun = meeting.can.chair;
  const items = [...(votes.data?.items ?? [])].reverse();
  return (
    <div className="console votes-panel" data-testid="votes-panel">
      {meeting.can.announceVote && (
        <section className="console-block">
          <AnnounceForm meeting={meeting} live={live} />
        </section>
      )}
      {canRun && !meeting.can.announceVote && <p className="muted">{t('ballots.votesWhenOpen')}</p>}
      <section className="console-block" aria-labelledby="votes-h">
        <h3 id="votes-h">{t('ballots.votesTitle')}</h3>
        {votes.isError && <FormError id={`votes-load-${meeting.id}`} error={votes.error} />}
        {items.length === 0 ? (
          <p className="muted">{t('ballots.noVotes')}</p>
        ) : (
          <ul className="vote-list" data-testid="vote-list">
            {items.map((v) => (
              <VoteCard
                key={v.id}
                meeting={meeting}
                vote={v}
                live={live}
                canRun={canRun}
                election={elections.data?.items.find((e) => e.id === v.electionId)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
