// Persons: members, candidates and non-members, their registration in a body and their offices.
// camelCase JSON, shared by the server (route validation, OpenAPI) and the web app.
import { z } from 'zod';
import { BodyKind } from './statute.js';
import { IsoDate, PageQuery, Uuid, pageOf } from './common.js';

export const PersonStatus = z.enum(['member', 'candidate', 'sympathiser', 'non_member']);
export type PersonStatus = z.infer<typeof PersonStatus>;

export const SocialPosition = z.enum(['worker', 'peasant', 'employee', 'intelligentsia', 'student', 'other']);
export type SocialPosition = z.infer<typeof SocialPosition>;

export const Sex = z.enum(['m', 'f']);
export type Sex = z.infer<typeof Sex>;

const NamePart = z.string().trim().min(1).max(200);
const CardNumber = z.string().trim().min(1).max(50);

/**
 * What tells a person apart from a namesake, wherever a person is chosen or listed: full name with patronymic,
 * the body registered in (a shop cell or the primary organisation) with its primary organisation, and the card
 * number — which the server sends only to those who may see it (the person and whoever manages their body),
 * null otherwise.
 */
export const PersonLabel = z.object({
  id: Uuid,
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  /** Full name in Cyrillic. */
  nameRu: z.string().nullable(),
  cardNumber: z.string().nullable(),
  /** The body the person is registered in (may be a shop cell). */
  bodyName: z.string().nullable(),
  bodyNameRu: z.string().nullable(),
  /** The primary organisation of that body, when it is another body (a shop cell's organisation). */
  primaryName: z.string().nullable(),
  primaryNameRu: z.string().nullable(),
});
export type PersonLabel = z.infer<typeof PersonLabel>;

/** A person in lists (members of a body, search results): a label with status and registration. */
export const PersonSummary = PersonLabel.extend({
  status: PersonStatus,
  socialPosition: SocialPosition,
  joinedOn: IsoDate.nullable(),
  /** The body the person is registered in (may be a shop cell). */
  bodyId: Uuid.nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonPage = pageOf(PersonSummary);
export type PersonPage = z.infer<typeof PersonPage>;

export const Person = PersonSummary.extend({
  organisationId: Uuid,
  sex: Sex.nullable(),
  birthYear: z.number().int().nullable(),
  /** Workplace. */
  enterpriseId: Uuid.nullable(),
  enterpriseName: z.string().nullable(),
  enterpriseNameRu: z.string().nullable(),
  candidateSince: IsoDate.nullable(),
});
export type Person = z.infer<typeof Person>;

/** A body in short form, as seen from a person page. */
export const PersonBodyRef = z.object({
  id: Uuid,
  kind: BodyKind,
  name: z.string(),
  nameRu: z.string().nullable(),
  path: z.string(),
});
export type PersonBodyRef = z.infer<typeof PersonBodyRef>;

/** An office the person holds or held. */
export const PersonOffice = z.object({
  id: Uuid,
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  bodyKind: BodyKind,
  title: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  /** Held today (started, not ended). */
  active: z.boolean(),
});
export type PersonOffice = z.infer<typeof PersonOffice>;

/**
 * What the reader may do with a person, from the policy functions each act's write checks (ADR 0026): the person
 * module asks each module that acts on persons (auth, dues, discipline, transfer) for its flags.
 */
export const PersonCan = z.object({
  /** See the whole history, penalties, dues and admission (the person themself and whoever manages them). */
  seeHistory: z.boolean(),
  /** Issue a one-time password reset code. */
  issueResetCode: z.boolean(),
  /** Record a dues payment. */
  recordPayment: z.boolean(),
  /** Bring a discipline charge. */
  bringCharge: z.boolean(),
  /** Deregister or transfer the member. */
  transfer: z.boolean(),
});
export type PersonCan = z.infer<typeof PersonCan>;

export const PersonDetail = z.object({
  person: Person,
  /** The body the person is registered in. */
  body: PersonBodyRef.nullable(),
  /** The primary organisation of that body (itself, or the one a shop cell belongs to). */
  primaryOrganisation: PersonBodyRef.nullable(),
  /** Active offices first, then past ones, newest first. */
  offices: z.array(PersonOffice),
  can: PersonCan,
});
export type PersonDetail = z.infer<typeof PersonDetail>;

/** GET /api/bodies/{id}/members?q=&status=&limit=&offset= — q: name prefix (Latin or Cyrillic) or exact card number. */
export const MemberListQuery = PageQuery.extend({ status: PersonStatus.optional() });
export type MemberListQuery = z.infer<typeof MemberListQuery>;

/** GET /api/persons?q=&limit=&offset= — across the bodies the actor's offices cover. */
export const PersonSearchQuery = PageQuery;
export type PersonSearchQuery = z.infer<typeof PersonSearchQuery>;

export const CreatePersonInput = z.object({
  familyName: NamePart,
  givenName: NamePart,
  patronymic: NamePart.nullish(),
  nameRu: z.string().trim().min(1).max(300).nullish(),
  sex: Sex.nullish(),
  birthYear: z.number().int().min(1800).max(2200).nullish(),
  socialPosition: SocialPosition,
  status: PersonStatus,
  /** The body to register in (must be within the actor's scope). */
  bodyId: Uuid,
  enterpriseId: Uuid.nullish(),
  /** Required for members and candidates; defaults to today. */
  joinedOn: IsoDate.nullish(),
  /** For candidates; defaults to joinedOn. */
  candidateSince: IsoDate.nullish(),
  /** Required for members, unique in the organisation; not allowed for non-members. */
  cardNumber: CardNumber.nullish(),
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

/** Names, social position and workplace; status and registration change through membership processes. */
export const UpdatePersonInput = z
  .object({
    familyName: NamePart,
    givenName: NamePart,
    patronymic: NamePart.nullable(),
    nameRu: z.string().trim().min(1).max(300).nullable(),
    sex: Sex.nullable(),
    birthYear: z.number().int().min(1800).max(2200).nullable(),
    socialPosition: SocialPosition,
    enterpriseId: Uuid.nullable(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change.' });
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;
