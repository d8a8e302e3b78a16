// The chair's vote controls (chair, presidium, secretary, tellers): announce a vote on a motion, an election or a
// question put by the chair (open, roll-call or secret; the kind of question gives the statute's majority), open,
// close, cancel; ballots received live; the tellers' count of a show of hands; the roll-call sheet.
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../contracts/assembly.js';
import {
  AnnounceVoteInput,
  EnterCountInput,
  QuestionKind,
  VoteMethod,
  type Election,
  type Vote,
} from '../../../contracts/ballot.js';
import { useFormat } from '../../app/format.js';
import { ActButton } from '../../ui/ActButton.js';
import { ContractForm, FormError, FormField, FormSelect, useContractForm } from '../../ui/forms.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok } from '../../app/api.js';
import type { Live } from '../assembly/queries.js';
import { useBallotLabels, VoteResultView } from './common.js';
import { ballotKeys } from './keys.js';
import { useBallotAction, useElections, useMotions, useVotes } from './queries.js';

/**
 * Announcing a vote: the contract's fields and what is voted on — a motion, an election or a question put by the
 * chair. The form's own choice says which of the contract's fields count; a question needs its words.
 */
const AnnounceVoteForm = AnnounceVoteInput.extend({ subject: z.enum(['motion', 'election', 'question']) }).superRefine(
  (v, ctx) => {
    if (v.subject === 'question' && !v.title) ctx.addIssue({ code: 'custom', path: ['title'], input: v.title ?? '' });
  },
);

function AnnounceForm({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const L = useBallotLabels();
  const motions = useMotions(meeting.id);
  const elections = useElections(meeting.id);
  const act = useBallotAction(meeting.id);
  const form = useContractForm(AnnounceVoteForm, { subject: 'election', method: 'secret', questionKind: 'procedural' });
  const subject = form.watch('subject');
  const openMotions = (motions.data?.items ?? []).filter((m) => m.status === 'supported');
  const openElections = (elections.data?.items ?? []).filter((e) => e.status === 'nominating');
  const currentItem = live.state?.currentItem?.id ?? meeting.agenda.find((a) => a.status === 'current')?.id;
  const announce = (body: AnnounceVoteInput) =>
    act.mutate(() => ok(client.POST('/api/meetings/{id}/votes', { params: { path: { id: meeting.id } }, body })));
  return (
    <ContractForm
      form={form}
      title={t('ballots.announceTitle')}
      submitLabel={t('ballots.announce')}
      state={act}
      testId="announce-form"
      onValid={({ subject, method, motionId, electionId, title, questionKind }) => {
        // the one shown: the list may have changed under a choice made before
        if (subject === 'motion') {
          const motion = openMotions.find((m) => m.id === motionId) ?? openMotions[0];
          if (!motion) return t('ballots.noMotionToPut');
          announce({ method, motionId: motion.id });
        } else if (subject === 'election') {
          const election = openElections.find((e) => e.id === electionId) ?? openElections[0];
          if (!election) return t('ballots.noElectionToPut');
          announce({ method, electionId: election.id });
        } else {
          announce({ method, title, questionKind, ...(currentItem ? { agendaItemId: currentItem } : {}) });
        }
      }}
    >
      <div className="inline-fields">
        <FormSelect
          form={form}
          name="subject"
          label={t('ballots.subject')}
          options={[
            { value: 'election', label: t('ballots.subjectElection') },
            { value: 'motion', label: t('ballots.subjectMotion') },
            { value: 'question', label: t('ballots.subjectQuestion') },
          ]}
        />
        <FormSelect
          form={form}
          name="method"
          label={t('ballots.methodLabel')}
          options={VoteMethod.options.map((m) => ({ value: m, label: L.method(m) }))}
        />
      </div>
      {subject === 'motion' &&
        (openMotions.length ? (
          <FormSelect
            form={form}
            name="motionId"
            unregister
            label={t('ballots.motion')}
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
          <FormSelect
            form={form}
            name="electionId"
            unregister
            label={t('ballots.election')}
            options={openElections.map((e) => ({ value: e.id, label: e.title }))}
          />
        ) : (
          <p className="muted">{t('ballots.noElectionToPut')}</p>
        ))}
      {subject === 'question' && (
        <>
          <FormField form={form} name="title" unregister optional label={t('ballots.question')} />
          <FormSelect
            form={form}
            name="questionKind"
            unregister
            label={t('ballots.kindLabel')}
            options={QuestionKind.options.map((k) => ({ value: k, label: L.kind(k) }))}
          />
        </>
      )}
    </ContractForm>
  );
}

/** Tellers' count of a show of hands: for / against / abstain, or hands for each candidate. */
function CountEntry({ meeting, vote, election }: { meeting: Meeting; vote: Vote; election?: Election }) {
  const { t } = useTranslation();
  const f = useFormat();
  const act = useBallotAction(meeting.id);
  const form = useContractForm(EnterCountInput, vote.electionId ? {} : { counts: { against: 0, abstain: 0 } });
  const running = (election?.candidates ?? []).filter((c) => c.consent === 'consented' && !c.withdrawn);
  return (
    <ContractForm
      form={form}
      title={t('ballots.countTitle')}
      submitLabel={t('ballots.enterCount')}
      state={act}
      testId="count-form"
      secondary
      onValid={(body) =>
        act.mutate(() =>
          ok(
            client.POST('/api/votes/{id}/count', {
              params: { path: { id: vote.id } },
              body: vote.electionId ? { tallies: body.tallies ?? {} } : body,
            }),
          ),
        )
      }
    >
      {vote.electionId ? (
        running.map((c) => (
          <FormField
            key={c.personId}
            form={form}
            name={`tallies.${c.personId}`}
            label={t('ballots.handsFor', { name: f.name(c) })}
            type="number"
            min={0}
          />
        ))
      ) : (
        <fieldset className="votes">
          <legend>{t('ballots.hands')}</legend>
          {(['for', 'against', 'abstain'] as const).map((k) => (
            <FormField
              key={k}
              form={form}
              name={`counts.${k}`}
              label={t(`ballots.choice.${k}`)}
              type="number"
              min={0}
            />
          ))}
        </fieldset>
      )}
    </ContractForm>
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
            <ActButton act={act} className="button" onClick={() => go('open')}>
              {t('ballots.openVote')}
            </ActButton>
          )}
          {status === 'open' && (
            <ActButton act={act} className="button" confirm={t('ballots.closeConfirm')} onClick={() => go('close')}>
              {t('ballots.closeVote')}
            </ActButton>
          )}
          {(status === 'announced' || status === 'open') && (
            <ActButton
              act={act}
              className="button button-secondary"
              confirm={t('ballots.cancelConfirm')}
              onClick={() => go('cancel')}
            >
              {t('ballots.cancelVote')}
            </ActButton>
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
