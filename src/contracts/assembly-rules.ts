// The statute's assemblies section: which bodies hold which meetings, who is entitled to attend and vote,
// the quorum, notice, speaking times and the question-note limits. Read by the assembly module, never hard-coded.
import { z } from 'zod';

export const MeetingKind = z.enum([
  'general_assembly',
  'shop_cell_meeting',
  'bureau_session',
  'conference',
  'congress',
  'open_meeting',
]);
export type MeetingKind = z.infer<typeof MeetingKind>;

/**
 * Who is entitled to attend, materialised when the meeting is convened:
 * - `members`: the members (voting) and candidates (consultative voice) registered in the body's subtree;
 * - `office_holders`: holders of current offices in the body (a bureau's session);
 * - `delegates`: the delegates the convener lists (conferences and congresses).
 */
export const Entitlement = z.enum(['members', 'office_holders', 'delegates']);
export type Entitlement = z.infer<typeof Entitlement>;

export const MeetingKindRules = z.object({
  /** Body kinds that may convene this kind of meeting. */
  bodyKinds: z.array(z.string()).min(1),
  entitled: Entitlement,
  /** Quorum: more than this fraction of the voting participants present (0.5 = more than half). */
  quorumMoreThan: z.number().min(0).max(1),
  /** Non-members may be admitted as guests (e.g. a production conference). */
  guestsAdmitted: z.boolean(),
  /** Days of notice the statute asks for. */
  noticeDays: z.number().int().min(0).max(365),
});
export type MeetingKindRules = z.infer<typeof MeetingKindRules>;

export const AssemblyRules = z.object({
  kinds: z.partialRecord(MeetingKind, MeetingKindRules),
  /**
   * Anonymous question notes one person may send per meeting: the blind tokens a present participant obtains.
   * Counted apart from signed notes, so that neither kind uses up the other. Versions adopted before the two
   * limits existed (one shared `notesPerPerson`) read as 5 and 5.
   */
  anonymousNotesPerPerson: z.number().int().min(0).max(100).default(5),
  /** Question notes signed with the sender's name one person may send per meeting, apart from anonymous ones. */
  signedNotesPerPerson: z.number().int().min(0).max(100).default(5),
  /** Speaking time limits in seconds by kind of floor request. */
  speakingSeconds: z.object({
    report: z.number().int().min(30).max(14_400),
    speech: z.number().int().min(30).max(3_600),
    point_of_order: z.number().int().min(15).max(600),
    reply: z.number().int().min(15).max(1_800),
  }),
});
export type AssemblyRules = z.infer<typeof AssemblyRules>;

/** Party rules (1934 statute, §§ 24–60 as historians summarise them): more than half for a quorum. */
export const PARTY_1934_ASSEMBLIES: AssemblyRules = {
  kinds: {
    general_assembly: {
      bodyKinds: ['primary_organisation'],
      entitled: 'members',
      quorumMoreThan: 0.5,
      guestsAdmitted: false,
      noticeDays: 3,
    },
    shop_cell_meeting: {
      bodyKinds: ['shop_cell', 'party_group'],
      entitled: 'members',
      quorumMoreThan: 0.5,
      guestsAdmitted: false,
      noticeDays: 1,
    },
    bureau_session: {
      bodyKinds: ['bureau', 'politburo', 'orgburo', 'secretariat', 'control_commission'],
      entitled: 'office_holders',
      quorumMoreThan: 0.5,
      guestsAdmitted: false,
      noticeDays: 0,
    },
    conference: {
      bodyKinds: ['district_committee', 'city_committee', 'regional_committee'],
      entitled: 'delegates',
      quorumMoreThan: 0.5,
      guestsAdmitted: true,
      noticeDays: 30,
    },
    congress: {
      bodyKinds: ['central_committee'],
      entitled: 'delegates',
      quorumMoreThan: 0.5,
      guestsAdmitted: true,
      noticeDays: 45,
    },
    open_meeting: {
      bodyKinds: ['primary_organisation', 'shop_cell'],
      entitled: 'members',
      quorumMoreThan: 0,
      guestsAdmitted: true,
      noticeDays: 1,
    },
  },
  anonymousNotesPerPerson: 5,
  signedNotesPerPerson: 5,
  speakingSeconds: { report: 1_800, speech: 600, point_of_order: 120, reply: 300 },
};
