// Motions (draft resolutions) per agenda item: the text as proposed and as amended so far, status, supporters and
// the support still needed, amendments (the words they replace → the new words), minority opinions. Propose a
// motion, an amendment (pick the words to replace from the current text, type the new ones), support, withdraw,
// and record a minority opinion after the vote.
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../contracts/assembly.js';
import {
  MinorityOpinionInput,
  ProposeAmendmentInput,
  ProposeMotionInput,
  QuestionKind,
  type Motion,
} from '../../../contracts/ballot.js';
import { client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import {
  ContractForm,
  Disclosure,
  FormError,
  FormField,
  FormSelect,
  FormTextArea,
  useContractForm,
} from '../../ui/forms.js';
import type { Live } from '../assembly/queries.js';
import { useBallotLabels } from './common.js';
import { useBallotAction, useMotions } from './queries.js';
import { ActButton } from '../../ui/ActButton.js';

function ProposeMotion({ meeting, itemId }: { meeting: Meeting; itemId: string }) {
  const { t } = useTranslation();
  const L = useBallotLabels();
  const act = useBallotAction(meeting.id);
  const form = useContractForm(ProposeMotionInput, {
    agendaItemId: itemId,
    title: '',
    text: '',
    questionKind: 'ordinary',
  });
  return (
    <ContractForm
      form={form}
      submitLabel={t('ballots.propose')}
      state={act}
      testId="propose-motion"
      done={t('ballots.proposed')}
      onValid={(input) =>
        act.mutate(
          () =>
            ok(
              client.POST('/api/meetings/{id}/motions', {
                params: { path: { id: meeting.id } },
                body: { ...input, title: input.title.trim(), text: input.text.trim() },
              }),
            ),
          { onSuccess: () => form.reset({ ...form.getValues(), title: '', text: '' }) },
        )
      }
    >
      <FormField form={form} name="title" label={t('ballots.motionTitle')} />
      <FormTextArea form={form} name="text" label={t('ballots.motionText')} rows={5} />
      <div className="inline-fields">
        <FormSelect
          form={form}
          name="questionKind"
          label={t('ballots.kindLabel')}
          options={QuestionKind.options.filter((k) => k !== 'amendment').map((k) => ({ value: k, label: L.kind(k) }))}
        />
        <FormField
          form={form}
          name="proposerLabel"
          optional
          label={t('ballots.proposerLabel')}
          hint={t('ballots.proposerLabelHint')}
        />
      </div>
    </ContractForm>
  );
}

function ProposeAmendment({
  meeting,
  motion,
  textRef,
}: {
  meeting: Meeting;
  motion: Motion;
  textRef: React.RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const act = useBallotAction(meeting.id);
  const form = useContractForm(ProposeAmendmentInput, { replaces: '', text: '' });
  const current = motion.currentText ?? motion.text;
  const useSelection = () => {
    const sel = window.getSelection();
    const s = sel?.toString() ?? '';
    if (s && textRef.current && sel?.anchorNode && textRef.current.contains(sel.anchorNode))
      form.setValue('replaces', s, { shouldValidate: form.formState.isSubmitted });
  };
  return (
    <ContractForm
      form={form}
      submitLabel={t('ballots.proposeAmendment')}
      state={act}
      testId="propose-amendment"
      done={t('ballots.proposed')}
      onValid={(body) => {
        // checks against the motion as shown: the contract cannot know its text
        if (body.replaces && !current.includes(body.replaces)) return t('ballots.replacesNotFound');
        if (!body.replaces && !body.text.trim()) return t('ballots.needAmendment');
        act.mutate(
          () => ok(client.POST('/api/motions/{id}/amendments', { params: { path: { id: motion.id } }, body })),
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <p className="small muted">{t('ballots.amendHelp')}</p>
      <button
        type="button"
        className="button button-secondary"
        onMouseDown={(e) => e.preventDefault()}
        onClick={useSelection}
      >
        {t('ballots.useSelection')}
      </button>
      <FormField form={form} name="replaces" label={t('ballots.replaces')} hint={t('ballots.replacesHint')} />
      <FormTextArea form={form} name="text" label={t('ballots.newWords')} />
    </ContractForm>
  );
}

function MinorityOpinionForm({ meeting, motion }: { meeting: Meeting; motion: Motion }) {
  const { t } = useTranslation();
  const act = useBallotAction(meeting.id);
  const form = useContractForm(MinorityOpinionInput, { text: '' });
  return (
    <ContractForm
      form={form}
      submitLabel={t('ballots.recordOpinion')}
      state={act}
      testId="minority-opinion"
      onValid={(body) =>
        act.mutate(
          () => ok(client.POST('/api/motions/{id}/minority-opinions', { params: { path: { id: motion.id } }, body })),
          { onSuccess: () => form.reset() },
        )
      }
    >
      <FormTextArea form={form} name="text" label={t('ballots.opinionText')} />
    </ContractForm>
  );
}

function MotionCard({ meeting, motion, amendments }: { meeting: Meeting; motion: Motion; amendments: Motion[] }) {
  const { t } = useTranslation();
  const L = useBallotLabels();
  const f = useFormat();
  const act = useBallotAction(meeting.id);
  const textRef = useRef<HTMLParagraphElement>(null);
  const hid = useId();
  const decided = ['adopted', 'rejected'].includes(motion.status);
  const current = motion.currentText ?? motion.text;
  return (
    <li className="motion card" data-testid="motion" aria-labelledby={hid}>
      <h4 id={hid}>
        {t('ballots.motionN', { n: motion.seq })}: {motion.title}{' '}
        <span className={`badge motion-${motion.status}`} data-testid="motion-status">
          {L.motionStatus(motion.status)}
        </span>
      </h4>
      <p className="small muted">
        {motion.proposerLabel} · {L.kind(motion.questionKind)}
      </p>
      <p className="prose motion-text" ref={textRef} data-testid="motion-text">
        {current}
      </p>
      {motion.currentText && motion.currentText !== motion.text && (
        <details>
          <summary>{t('ballots.originalText')}</summary>
          <p className="prose">{motion.text}</p>
        </details>
      )}
      <p className="small">
        {t('ballots.supporters', { n: f.number(motion.supporters.length) })}
        {motion.supporters.length > 0 && `: ${motion.supporters.map((s) => f.name(s)).join(', ')}`}
        {motion.supportNeeded > 0 && ` · ${t('ballots.supportNeeded', { n: f.number(motion.supportNeeded) })}`}
      </p>
      {(motion.can.support || motion.can.withdraw) && (
        <div className="button-row">
          <SupportActs act={act} motion={motion} className="button button-secondary" />
        </div>
      )}
      <FormError id={`motion-${motion.id}`} error={act.error} />
      {amendments.length > 0 && (
        <>
          <h5>{t('ballots.amendments')}</h5>
          <ol className="amendments">
            {amendments.map((a) => (
              <li key={a.id} data-testid="amendment">
                <span className="small">{t('ballots.amendmentN', { n: a.seq })}</span>{' '}
                {a.replaces ? (
                  <>
                    <del>{a.replaces}</del> → <ins>{a.text}</ins>
                  </>
                ) : (
                  <>
                    {t('ballots.addAtEnd')}: <ins>{a.text}</ins>
                  </>
                )}{' '}
                <span className="badge">{L.motionStatus(a.status)}</span>{' '}
                <span className="small muted">
                  {a.proposerLabel}
                  {a.supportNeeded > 0 && ` · ${t('ballots.supportNeeded', { n: a.supportNeeded })}`}
                </span>
                {(a.can.support || a.can.withdraw) && <AmendmentActs meeting={meeting} amendment={a} />}
              </li>
            ))}
          </ol>
        </>
      )}
      {motion.can.amend && (
        <Disclosure label={t('ballots.amend')}>
          <ProposeAmendment meeting={meeting} motion={motion} textRef={textRef} />
        </Disclosure>
      )}
      {motion.minorityOpinions.length > 0 && (
        <>
          <h5>{t('ballots.minorityOpinions')}</h5>
          <ul className="opinions">
            {motion.minorityOpinions.map((o) => (
              <li key={o.id}>
                <strong>{f.name(o)}:</strong> {o.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {motion.can.addOpinion && (
        <Disclosure label={t('ballots.addOpinion')}>
          <MinorityOpinionForm meeting={meeting} motion={motion} />
        </Disclosure>
      )}
      {current !== motion.text && decided && <p className="small muted">{t('ballots.finalText')}</p>}
    </li>
  );
}

/** Supporting a motion (or an amendment) and withdrawing it, as its flags offer. */
function SupportActs({
  act,
  motion,
  className,
}: {
  act: ReturnType<typeof useBallotAction>;
  motion: Motion;
  className: string;
}) {
  const { t } = useTranslation();
  const post = (path: '/api/motions/{id}/support' | '/api/motions/{id}/withdraw') =>
    act.mutate(() => ok(client.POST(path, { params: { path: { id: motion.id } } })));
  return (
    <>
      {motion.can.support && (
        <ActButton act={act} className={className} onClick={() => post('/api/motions/{id}/support')}>
          {t('ballots.support')}
        </ActButton>
      )}
      {motion.can.withdraw && (
        <ActButton act={act} className={className} onClick={() => post('/api/motions/{id}/withdraw')}>
          {t('ballots.withdrawMotion')}
        </ActButton>
      )}
    </>
  );
}

function AmendmentActs({ meeting, amendment }: { meeting: Meeting; amendment: Motion }) {
  const act = useBallotAction(meeting.id);
  return (
    <span className="button-row inline">
      <SupportActs act={act} motion={amendment} className="link-button" />
      {act.error != null && <FormError id={`am-${amendment.id}`} error={act.error} />}
    </span>
  );
}

export function MotionsPanel({ meeting, live }: { meeting: Meeting; live: Live }) {
  const { t } = useTranslation();
  const motions = useMotions(meeting.id);
  const all = motions.data?.items ?? [];
  const currentId = live.state?.currentItem?.id ?? meeting.agenda.find((a) => a.status === 'current')?.id;
  return (
    <div className="console motions-panel" data-testid="motions-panel">
      {motions.isError && <FormError id={`motions-load-${meeting.id}`} error={motions.error} />}
      {meeting.agenda.map((item) => {
        const here = all.filter((m) => m.agendaItemId === item.id && !m.amendsId);
        if (here.length === 0 && item.id !== currentId) return null;
        return (
          <section key={item.id} className="console-block" aria-labelledby={`mi-${item.id}`}>
            <h3 id={`mi-${item.id}`}>
              {item.position}. {item.title}
            </h3>
            {here.length === 0 ? (
              <p className="muted">{t('ballots.noMotions')}</p>
            ) : (
              <ul className="motion-list">
                {here.map((m) => (
                  <MotionCard
                    key={m.id}
                    meeting={meeting}
                    motion={m}
                    amendments={all.filter((a) => a.amendsId === m.id)}
                  />
                ))}
              </ul>
            )}
            {item.id === currentId && motions.data?.can.propose && (
              <Disclosure label={t('ballots.proposeMotion')}>
                <ProposeMotion meeting={meeting} itemId={item.id} />
              </Disclosure>
            )}
          </section>
        );
      })}
      {all.length === 0 && !currentId && <p className="muted">{t('ballots.motionsWhenItem')}</p>}
    </div>
  );
}
