// Campaigns through the assemblies (ADR 0027 §8): a directive whose form asks for the protocol, bundled with a day to
// meet by and an agenda item. Each addressed body's secretary convenes its own meeting from the inbox (assembly's
// convening, the campaign's item first and pre-filled, linked in the same transaction); assembly tells the campaign
// of cancellations, closings and approved protocols in its own transactions; the meetings are counted per frozen
// node up the same chain as completeness, and progress is read per level with reports in and targets met.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import type {
  Campaign,
  CampaignProgress,
  CampaignProgressRow,
  ConveneCampaignInput,
  IssueCampaignInput,
  RollupNode,
} from '../../contracts/direction.js';
import type { MeetingKind } from '../../contracts/assembly-rules.js';
import type { MeetingOutcomeListener, MeetingService } from '../assembly/meeting.service.js';
import { DirectionErrors } from './direction.errors.js';
import { assertCanSeeNode, assertOfficeIn, holdsOfficeIn } from './direction.policy.js';
import { chainOf, type DirectiveService } from './directive.service.js';
import type { RollupService } from './rollup.service.js';
import { meetingDeltas, type MeetingCounts } from './rules/deltas.js';
import { toCampaignMeeting } from './campaign.mapper.js';
import * as repo from './campaign.repository.js';
import * as rounds from './round.repository.js';

/** What campaigns use of assembly's meetings. */
export type CampaignMeetings = Pick<MeetingService, 'convene' | 'outcomeOf'>;

const NONE: MeetingCounts = { convened: 0, held: 0, quorate: 0, protocols: 0 };

export class CampaignService implements MeetingOutcomeListener {
  constructor(
    private readonly db: Database,
    private readonly directives: DirectiveService,
    private readonly rollups: RollupService,
    private readonly meetings: CampaignMeetings,
  ) {}

  /** Issues the directive and the campaign in one transaction. */
  async issue(actor: Actor, input: IssueCampaignInput): Promise<Campaign> {
    assertOfficeIn(actor, input.issuerBodyId);
    const { campaign, ...directive } = input;
    if (campaign.meetBy > input.deadline) throw DirectionErrors.campaign_meet_after_deadline();
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      const d = await this.directives.issueInTx(trx, actor, directive);
      if (!d.requiresProtocol) throw DirectionErrors.campaign_form_without_protocol();
      await repo.insertCampaign(trx, {
        id,
        directive_id: d.id,
        meet_by: campaign.meetBy,
        meeting_kind: campaign.meetingKind,
        item_title: campaign.itemTitle,
        item_title_ru: campaign.itemTitleRu,
      });
    });
    return this.get(actor, id);
  }

  /** A campaign as read from a body of its round (the issuer when not given), with that body's meeting. */
  async get(actor: Actor, id: string, bodyId?: string): Promise<Campaign> {
    const c = await repo.findCampaign(this.db, id);
    if (!c || c.organisation_id !== actor.organisationId) throw DirectionErrors.campaign_not_found();
    const at = bodyId ?? c.issuer_body_id;
    const node = await rounds.findNode(this.db, c.round_id, at);
    if (!node) throw DirectionErrors.not_in_round();
    assertCanSeeNode(actor, { bodyId: at, frozenPath: node.path, currentPath: node.current_path });
    const meeting = await repo.liveMeeting(this.db, c.id, at);
    const round = (await rounds.findRound(this.db, c.round_id))!;
    return {
      id: c.id,
      directiveId: c.directive_id,
      roundId: c.round_id,
      issuerBodyId: c.issuer_body_id,
      title: c.title,
      titleRu: c.title_ru,
      meetBy: c.meet_by,
      meetingKind: c.meeting_kind as MeetingKind,
      itemTitle: c.item_title,
      itemTitleRu: c.item_title_ru,
      bodyId: at,
      meeting: meeting ? toCampaignMeeting(meeting) : null,
      can: {
        convene: holdsOfficeIn(actor, at) && node.addressed && !meeting && new Date() <= round.expires_at,
      },
    };
  }

  /**
   * A body's secretary convenes its own meeting of the campaign: assembly convenes it (its notice, kinds and
   * participants are assembly's checks) with the campaign's item first; the link records it in the same
   * transaction. One meeting not cancelled per body.
   */
  async convene(actor: Actor, id: string, input: ConveneCampaignInput): Promise<Campaign> {
    assertOfficeIn(actor, input.bodyId);
    const c = await repo.findCampaign(this.db, id);
    if (!c || c.organisation_id !== actor.organisationId) throw DirectionErrors.campaign_not_found();
    const node = await rounds.findNode(this.db, c.round_id, input.bodyId);
    if (!node || !node.addressed) throw DirectionErrors.not_in_round();
    if (await repo.liveMeeting(this.db, c.id, input.bodyId)) throw DirectionErrors.campaign_already_convened();
    const item = input.lang === 'en' ? c.item_title : c.item_title_ru;
    await this.meetings.convene(
      actor,
      input.bodyId,
      {
        kind: c.meeting_kind as MeetingKind,
        title: input.title ?? item,
        startsAt: input.startsAt,
        endsAt: input.endsAt ?? null,
        place: input.place,
        agenda: [{ title: item, documents: [] }, ...input.agenda],
        notice: input.notice ?? null,
        ...(input.urgent !== undefined ? { urgent: input.urgent } : {}),
      },
      async (ex, ids) => {
        // the node locked: two secretaries convening at once are serialised, the second finds the first's meeting
        const locked = (await rounds.lockNode(ex, c.round_id, input.bodyId))!;
        if (await repo.liveMeeting(ex, c.id, input.bodyId)) throw DirectionErrors.campaign_already_convened();
        await repo.insertMeeting(ex, {
          meeting_id: ids.meetingId,
          campaign_id: c.id,
          body_id: input.bodyId,
          agenda_item_id: ids.agendaItemIds[0]!,
        });
        await this.count(ex, c, locked, { ...NONE, convened: 1 });
      },
    );
    return this.get(actor, id, input.bodyId);
  }

  /** Adds a meeting's change to its node and the frozen chain above it (the one definition: chainOf). */
  private async count(
    ex: Executor,
    c: Pick<repo.CampaignView, 'round_id' | 'issuer_body_id' | 'organisation_id'>,
    node: rounds.NodeRow,
    d: MeetingCounts,
  ): Promise<void> {
    const issuer = (await rounds.findNode(ex, c.round_id, c.issuer_body_id))!;
    const chain = await chainOf(ex, c.round_id, node, issuer.depth);
    await repo.applyCampaignProgress(ex, c.round_id, meetingDeltas(node.body_id, chain, d));
    await rounds.writeOutbox(ex, {
      organisationId: c.organisation_id,
      roundId: c.round_id,
      bodies: [node.body_id, ...chain.map((l) => l.bodyId)],
    });
  }

  private async linked(ex: Executor, meetingId: string) {
    const row = await repo.lockByMeeting(ex, meetingId);
    if (!row) return null;
    const c = (await repo.campaignOfRound(ex, row.round_id))!;
    const node = (await rounds.findNode(ex, row.round_id, row.body_id))!;
    return { row, c, node };
  }

  /** Assembly: a campaign's meeting was called off — the slot is free again. */
  async cancelledInTx(ex: Executor, meetingId: string): Promise<void> {
    const l = await this.linked(ex, meetingId);
    if (!l) return;
    await repo.updateMeeting(ex, meetingId, { cancelled_at: new Date() });
    await this.count(ex, l.c, l.node, {
      convened: -1,
      held: l.row.held_at ? -1 : 0,
      quorate: l.row.quorate ? -1 : 0,
      protocols: l.row.protocol_at ? -1 : 0,
    });
  }

  /** Assembly: a campaign's meeting closed — held, with its attendance and quorum. */
  async closedInTx(ex: Executor, meetingId: string): Promise<void> {
    const l = await this.linked(ex, meetingId);
    if (!l || l.row.held_at) return;
    const o = (await this.meetings.outcomeOf(ex, meetingId))!;
    await repo.updateMeeting(ex, meetingId, {
      held_at: new Date(),
      present: o.present,
      entitled: o.entitled,
      quorate: o.quorate,
    });
    await this.count(ex, l.c, l.node, { ...NONE, held: 1, quorate: o.quorate ? 1 : 0 });
  }

  /** Assembly: a campaign's meeting's protocol was approved — the report may now give it. */
  async protocolApprovedInTx(ex: Executor, meetingId: string): Promise<void> {
    const l = await this.linked(ex, meetingId);
    if (!l || l.row.protocol_at) return;
    await repo.updateMeeting(ex, meetingId, { protocol_at: new Date() });
    await this.count(ex, l.c, l.node, { ...NONE, protocols: 1 });
  }

  /** Progress of a body and of each body directly below it: meetings, reports in, targets met. */
  async progress(actor: Actor, id: string, bodyId: string): Promise<CampaignProgress> {
    const c = await repo.findCampaign(this.db, id);
    if (!c || c.organisation_id !== actor.organisationId) throw DirectionErrors.campaign_not_found();
    const node = await this.rollups.node(actor, c.round_id, bodyId);
    const ids = [bodyId, ...node.children.map((x) => x.bodyId)];
    const meetings = await repo.campaignProgressOf(this.db, c.round_id, ids);
    const row = (
      id_: string,
      name: string,
      nameRu: string | null,
      relay: boolean,
      completeness: RollupNode['completeness'],
      figures: RollupNode['figures'],
    ): CampaignProgressRow => {
      const m = meetings.find((x) => x.body_id === id_);
      return {
        bodyId: id_,
        bodyName: name,
        bodyNameRu: nameRu,
        relay,
        addressees: completeness.expected,
        convened: m?.convened ?? 0,
        held: m?.held ?? 0,
        quorate: m?.quorate ?? 0,
        protocols: m?.protocols ?? 0,
        reportsIn: completeness.submitted,
        targetsMet: figures.filter((f) => f.met === true).length,
        targets: figures.filter((f) => f.target !== null).length,
      };
    };
    return {
      campaignId: c.id,
      roundId: c.round_id,
      meetBy: c.meet_by,
      node: row(bodyId, node.body.name, node.body.nameRu, node.body.relay, node.completeness, node.figures),
      children: node.children.map((x) => row(x.bodyId, x.bodyName, x.bodyNameRu, x.relay, x.completeness, x.figures)),
    };
  }
}
