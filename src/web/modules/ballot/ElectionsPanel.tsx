// Elections (bureaus, secretaries, delegates, commissions): create, nominate, the candidate's consent or refusal,
// withdrawal, the candidates list; after the vote the elected, the round-by-round transcript, the published board,
// its BLT file and a recount from the board with the app's own counting code.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../contracts/assembly.js';
import {
  CountMethod,
  CreateElectionInput,
  ElectionOffice,
  type Election,
  type Recount,
  type Vote,
} from '../../../contracts/ballot.js';
import { client, ok, urlOf } from '../../app/api.js';
import { useMe } from '../../app/auth.js';
import { useFormat } from '../../app/format.js';
import { ContractForm, FormError, FormField, FormSelect, useContractForm } from '../../ui/forms.js';
import { ActButton } from '../../ui/ActButton.js';
import { PersonPicker } from '../../ui/pickers.js';
import { PersonName } from '../../ui/person.js';
import type { Live } from '../assembly/queries.js';
import { loadKept } from './ballot-client.js';
import { ReceiptChecker } from './BallotBox.js';
import { useBallotLabels, VoteResultView } from './common.js';
import { useBallotAction, useElections, useVotes } from './queries.js';

function CreateElection({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const L = useBallotLabels();
  const act = useBallotAction(meeting.id);
  const current = live.state?.currentItem?.id ?? meeting.agenda.find((a) => a.status === 'current')?.id;
  const form = useContractForm(CreateElectionInput, {
    agendaItemId: current ?? meeting.agenda[0]?.id ?? '',
    title: '',
    office: 'bureau',
  });
  const office = form.watch('office');
  return (
    <ContractForm
      form={form}
      title={t('ballots.createElection')}
      submitLabel={t('ballots.create')}
      state={act}
      testId="create-election"
      done={t('ballots.electionCreated')}
      onValid={(input) =>
        act.mutate(
          () =>
            ok(
              client.POST('/api/meetings/{id}/elections', {
                params: { path: { id: meeting.id } },
                body: { ...input, title: input.title.trim() },
              }),
            ),
          { onSuccess: () => form.resetField('title') },
        )
      }
    >
      <FormSelect
        form={form}
        name="agendaItemId"
        label={t('ballots.agendaItem')}
        options={meeting.agenda.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` }))}
      />
      <FormField form={form} name="title" label={t('ballots.electionTitle')} />
      <div className="inline-fields">
        <FormSelect
          form={form}
          name="office"
          label={t('ballots.officeLabel')}
          options={ElectionOffice.options.map((o) => ({ value: o, label: L.office(o) }))}
        />
        <FormField
          form={form}
          name="seats"
          label={t('ballots.seats')}
          type="number"
          min={1}
          hint={office === 'delegates' ? t('ballots.seatsDelegatesHint') : undefined}
        />
      </div>
      <div className="inline-fields">
        <FormSelect
          form={form}
          name="method"
          optional
          label={t('ballots.countMethodLabel')}
          options={[
            { value: '', label: t('ballots.statuteDefault') },
            ...CountMethod.options.map((m) => ({ value: m, label: L.countMethod(m) })),
          ]}
        />
        <FormSelect
          form={form}
          name="ballot"
          optional
          label={t('ballots.ballotLabel')}
          options={[
            { value: '', label: t('ballots.statuteDefault') },
            { value: 'secret', label: t('ballots.method.secret') },
            { value: 'open', label: t('ballots.method.open') },
          ]}
        />
      </div>
      {office === 'delegates' && (
        <FormField
          form={form}
          name="delegateMeetingId"
          optional
          unregister
          label={t('ballots.delegateMeeting')}
          hint={t('ballots.delegateMeetingHint')}
        />
      )}
    </ContractForm>
  );
}

function RecountButton({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [res, setRes] = useState<Recount | null>(null);
  return (
    <div className="recount">
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          ok(client.GET('/api/votes/{id}/recount', { params: { path: { id: voteId } } }))
            .then(setRes, setError)
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('forms.working') : t('ballots.recount')}
      </button>
      <FormError id={`recount-${voteId}`} error={error} />
      {res && (
        <p
          role="status"
          className={`notice ${res.matches ? 'notice-ok' : 'notice-error'}`}
          data-testid="recount-result"
          data-matches={res.matches}
        >
          {res.matches ? t('ballots.recountMatches') : t('ballots.recountDiffers')}
        </p>
      )}
    </div>
  );
}

function ElectionCard({
  meeting,
  election,
  vote,
  live,
}: {
  meeting: Meeting;
  election: Election;
  vote?: Vote;
  live: Live;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useBallotLabels();
  const me = useMe().data;
  const act = useBallotAction(meeting.id);
  const mine = election.candidates.find((c) => c.personId === me?.personId);
  const lv = vote && live.state?.vote?.id === vote.id ? live.state.vote : null;
  const result = lv?.result ?? vote?.result ?? null;
  const candidates = election.candidates.map((c) => ({ id: c.personId, name: f.name(c) }));
  const kept = vote && me ? loadKept(vote.id, me.personId) : {};
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  const electedIds = new Set(result?.count?.elected ?? []);
  /** The candidate's own answer, or (with `personId`) the one the chair records. */
  const consent = (answer: 'consented' | 'declined', personId?: string) =>
    act.mutate(() =>
      ok(
        client.POST('/api/elections/{id}/consent', {
          params: { path: { id: election.id } },
          body: personId ? { consent: answer, personId } : { consent: answer },
        }),
      ),
    );
  return (
    <li className="election-card card" data-testid="election" data-election={election.id}>
      <h4>
        {election.title}{' '}
        <span className="badge" data-testid="election-status">
          {L.electionStatus(election.status)}
        </span>
      </h4>
      <p className="small">
        {L.office(election.office)} · {t('ballots.seatsN', { count: election.seats })} ·{' '}
        {L.countMethod(election.method)} ·{' '}
        {election.ballot === 'secret' ? t('ballots.method.secret') : t('ballots.method.open')}
      </p>
      {mine && mine.consent === 'pending' && mine.can.consent && (
        <div className="notice notice-warn consent-prompt" role="alert" data-testid="consent-prompt">
          <p>{t('ballots.consentPrompt', { title: election.title })}</p>
          <div className="button-row">
            <ActButton act={act} className="button" onClick={() => consent('consented')}>
              {t('ballots.consentYes')}
            </ActButton>
            <ActButton act={act} className="button button-secondary" onClick={() => consent('declined')}>
              {t('ballots.consentNo')}
            </ActButton>
          </div>
        </div>
      )}
      <h5>{t('ballots.candidates')}</h5>
      {election.candidates.length === 0 ? (
        <p className="muted">{t('ballots.noCandidates')}</p>
      ) : (
        <ul className="candidates" data-testid="candidates">
          {[...election.candidates]
            .sort((a, b) => a.position - b.position)
            .map((c) => (
              <li key={c.personId} data-testid="candidate" data-consent={c.consent}>
                <span className="cand-name">
                  <PersonName person={c.person} fallback={f.name(c)} />
                </span>{' '}
                <span
                  className={`badge ${c.consent === 'consented' ? 'badge-ok' : c.consent === 'declined' ? 'badge-warn' : ''}`}
                >
                  {c.withdrawn ? t('ballots.withdrawnBadge') : L.consent(c.consent)}
                </span>
                {(c.elected || electedIds.has(c.personId)) && (
                  <span className="badge badge-ok">{t('ballots.elected')}</span>
                )}
                {c.nominatedByName && (
                  <span className="small muted">
                    {' '}
                    {t('ballots.nominatedBy', {
                      name: f.name({ name: c.nominatedByName, nameRu: c.nominatedByNameRu }),
                    })}
                  </span>
                )}
                {(c.can.consent || c.can.withdraw) && (
                  <span className="button-row inline">
                    {c.can.consent && c.consent === 'pending' && c.personId !== me?.personId && (
                      <>
                        <ActButton act={act} onClick={() => consent('consented', c.personId)}>
                          {t('ballots.recordConsent', { name: f.name(c) })}
                        </ActButton>
                        <ActButton act={act} onClick={() => consent('declined', c.personId)}>
                          {t('ballots.recordRefusal', { name: f.name(c) })}
                        </ActButton>
                      </>
                    )}
                    {c.can.withdraw && (
                      <ActButton
                        act={act}
                        label={t('ballots.withdrawCandidate', { name: f.name(c) })}
                        onClick={() =>
                          act.mutate(() =>
                            ok(
                              client.POST('/api/elections/{id}/candidates/{personId}/withdraw', {
                                params: { path: { id: election.id, personId: c.personId } },
                              }),
                            ),
                          )
                        }
                      >
                        {t('ballots.withdraw')}
                      </ActButton>
                    )}
                  </span>
                )}
              </li>
            ))}
        </ul>
      )}
      {election.can.nominate && (
        <PersonPicker
          label={t('ballots.nominate')}
          hint={t('ballots.nominateHint')}
          source={{ kind: 'participants', meetingId: meeting.id }}
          exclude={election.candidates.map((c) => c.personId)}
          onPick={(c) =>
            act.mutate(() =>
              ok(
                client.POST('/api/elections/{id}/candidates', {
                  params: { path: { id: election.id } },
                  body: { personId: c.id },
                }),
              ),
            )
          }
        />
      )}
      {election.can.cancel && (
        <ActButton
          act={act}
          className="button button-secondary"
          onClick={() => {
            if (window.confirm(t('ballots.cancelElectionConfirm')))
              act.mutate(() =>
                ok(client.POST('/api/elections/{id}/cancel', { params: { path: { id: election.id } } })),
              );
          }}
        >
          {t('ballots.cancelElection')}
        </ActButton>
      )}
      <FormError id={`el-${election.id}`} error={act.error} />
      {vote && (lv?.status ?? vote.status) === 'closed' && result && (
        <div className="election-result" data-testid="election-result">
          <VoteResultView result={result} candidates={candidates} />
          {vote.method === 'secret' && (
            <p className="downloads">
              <a
                href={urlOf('/api/votes/{id}/board', { id: vote.id })}
                target="_blank"
                rel="noopener"
                data-testid="board-link"
              >
                {t('ballots.boardLink')}
              </a>{' '}
              <a href={urlOf('/api/votes/{id}/board.blt', { id: vote.id })} download data-testid="blt-link">
                {t('ballots.bltLink')}
              </a>
            </p>
          )}
          {vote.method === 'secret' && <RecountButton voteId={vote.id} />}
          {kept.receipt && <ReceiptChecker receipt={kept.receipt} announcedHash={result.boardHash} names={names} />}
        </div>
      )}
    </li>
  );
}

export function ElectionsPanel({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const elections = useElections(meeting.id);
  const votes = useVotes(meeting.id);
  const items = elections.data?.items ?? [];
  return (
    <div className="console elections-panel" data-testid="elections-panel">
      {meeting.can.openElection && (
        <section className="console-block">
          <CreateElection meeting={meeting} live={live} />
        </section>
      )}
      <section className="console-block" aria-labelledby="elections-h">
        <h3 id="elections-h">{t('ballots.electionsTitle')}</h3>
        {elections.isError && <FormError id={`el-load-${meeting.id}`} error={elections.error} />}
        {items.length === 0 ? (
          <p className="muted">{t('ballots.noElections')}</p>
        ) : (
          <ul className="election-list">
            {items.map((e) => (
              <ElectionCard
                key={e.id}
                meeting={meeting}
                election={e}
                live={live}
                vote={
                  votes.data?.items.find((v) => v.id === e.voteId) ??
                  votes.data?.items.filter((v) => v.electionId === e.id).at(-1)
                }
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
