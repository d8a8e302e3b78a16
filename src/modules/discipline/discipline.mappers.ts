// Rows of the discipline repository → contract shapes.
import type { Appeal, AppealCan, CaseCan, DisciplineCase, PenaltyRecord } from '../../contracts/discipline.js';
import type { Penalty } from '../../contracts/membership-rules.js';
import type { AppealRow, CaseRow, PenaltyRow } from './discipline.repository.js';
import { isActive } from './rules/penalties.js';

export function toCase(r: CaseRow, can: CaseCan): DisciplineCase {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    personNameRu: r.person_name_ru,
    primaryId: r.primary_id,
    primaryName: r.primary_name,
    primaryNameRu: r.primary_name_ru,
    chargedBy: r.charged_by,
    chargedOn: r.charged_on,
    charge: r.charge,
    notifiedOn: r.notified_on,
    answer: r.answer,
    answeredOn: r.answered_on,
    heardOn: r.heard_on,
    hearingNotes: r.hearing_notes,
    state: r.state,
    decidedOn: r.decided_on,
    outcome: r.outcome,
    reasons: r.reasons,
    votes:
      r.votes_for === null
        ? null
        : { for: r.votes_for, against: r.votes_against ?? 0, abstained: r.votes_abstained ?? 0 },
    penaltyId: r.penalty_id,
    can,
  };
}

export function toAppeal(r: AppealRow, can: AppealCan): Appeal {
  return {
    id: r.id,
    actKind: r.act_kind,
    actId: r.act_id,
    personId: r.person_id,
    personName: r.person_name,
    personNameRu: r.person_name_ru,
    level: r.level,
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodyNameRu: r.body_name_ru,
    lodgedOn: r.lodged_on,
    reasons: r.reasons,
    state: r.state,
    decidedOn: r.decided_on,
    decisionReasons: r.decision_reasons,
    deadline: r.deadline,
    parentAppealId: r.parent_appeal_id,
    can,
  };
}

export function toPenalty(r: PenaltyRow, today: string): PenaltyRecord {
  const st = { expiresOn: r.expires_on, liftedOn: r.lifted_on, annulledOn: r.annulled_on };
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind as Penalty,
    actKind: r.act_kind,
    actId: r.act_id,
    imposedOn: r.imposed_on,
    expiresOn: r.expires_on,
    withRecord: r.with_record,
    liftedOn: r.lifted_on,
    liftReason: r.lift_reason,
    annulledOn: r.annulled_on,
    active: isActive(st, today),
  };
}
