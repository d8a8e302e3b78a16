// The organisation tree: bodies, offices, enterprises and their triangle. camelCase JSON,
// shared by the server (route validation, OpenAPI) and the web app.
import { z } from 'zod';
import { BodyKind } from './statute.js';
import { IsoDate, Uuid, pageOf } from './common.js';

export const BodyStatus = z.enum(['active', 'dissolved', 'merged']);
export type BodyStatus = z.infer<typeof BodyStatus>;

const Name = z.string().trim().min(1).max(300);
const NameRu = z.string().trim().min(1).max(300).nullish();

export const OrganisationInfo = z.object({
  id: Uuid,
  name: z.string(),
  nameRu: z.string().nullable(),
});
export type OrganisationInfo = z.infer<typeof OrganisationInfo>;

export const Body = z.object({
  id: Uuid,
  organisationId: Uuid,
  parentId: Uuid.nullable(),
  kind: BodyKind,
  name: z.string(),
  nameRu: z.string().nullable(),
  /** Materialised path (ltree labels, one per ancestor including itself). */
  path: z.string(),
  /** 1 for a root body. */
  depth: z.number().int(),
  status: BodyStatus,
  enterpriseId: Uuid.nullable(),
  /** For a primary organisation: itself; for a shop cell or party group: its primary organisation. */
  primaryId: Uuid.nullable(),
  /** Top-level region under the root (null for the root). */
  regionId: Uuid.nullable(),
  mergedInto: Uuid.nullable(),
  /** Number of active child bodies (lists only). */
  childCount: z.number().int().optional(),
  /** Members and candidates registered anywhere in the subtree (lists only). */
  memberCount: z.number().int().optional(),
  /** A primary organisation whose size is below the statute minimum. */
  belowMinimum: z.boolean().optional(),
});
export type Body = z.infer<typeof Body>;

/** A body in short form: for ancestors (breadcrumbs) and triangles. */
export const BodyRef = z.object({
  id: Uuid,
  kind: BodyKind,
  name: z.string(),
  nameRu: z.string().nullable(),
  path: z.string(),
  depth: z.number().int(),
});
export type BodyRef = z.infer<typeof BodyRef>;

export const Office = z.object({
  id: Uuid,
  bodyId: Uuid,
  personId: Uuid,
  personName: z.string(),
  personNameRu: z.string().nullable(),
  title: z.string(),
  startsOn: IsoDate,
  /** The last day of the term (null: held until ended). */
  endsOn: IsoDate.nullable(),
  /** Whether the reader may end or extend it (a committee above, never the holder). */
  mayChange: z.boolean(),
});
export type Office = z.infer<typeof Office>;

export const Enterprise = z.object({
  id: Uuid,
  name: z.string(),
  nameRu: z.string().nullable(),
  industry: z.string(),
  workforce: z.number().int(),
  /** The primary organisation of the enterprise (null when none is linked). */
  primaryOrganisationId: Uuid.nullable(),
});
export type Enterprise = z.infer<typeof Enterprise>;

/** The enterprise triangle: its primary organisation, management and trade-union committee. */
export const Triangle = z.object({
  primaryOrganisation: BodyRef.nullable(),
  management: BodyRef.nullable(),
  unionCommittee: BodyRef.nullable(),
});
export type Triangle = z.infer<typeof Triangle>;

/** Party saturation: size of the primary organisation ÷ workforce. */
export const Saturation = z.object({
  members: z.number().int(),
  workforce: z.number().int(),
  /** 0..1 (0 when the workforce is 0). */
  ratio: z.number(),
});
export type Saturation = z.infer<typeof Saturation>;

export const BodySize = z.object({
  /** Full members registered in the subtree. */
  members: z.number().int(),
  /** Candidates registered in the subtree. */
  candidates: z.number().int(),
  /** Size as the statute counts it (members, plus candidates when the statute says so). */
  counted: z.number().int(),
  /** The statute's minimum for a primary organisation. */
  statuteMinimum: z.number().int(),
});
export type BodySize = z.infer<typeof BodySize>;

export const BodyDetail = z.object({
  body: Body,
  /** From the root down to the parent. */
  ancestors: z.array(BodyRef),
  /** Offices held now (no end date, or ending today or later). */
  offices: z.array(Office),
  enterprise: Enterprise.nullable(),
  triangle: Triangle.nullable(),
  saturation: Saturation.nullable(),
  size: BodySize,
  belowMinimum: z.boolean(),
  childCount: z.number().int(),
});
export type BodyDetail = z.infer<typeof BodyDetail>;

export const BodyList = z.object({ items: z.array(Body) });
export type BodyList = z.infer<typeof BodyList>;

export const BodyPage = pageOf(Body);
export type BodyPage = z.infer<typeof BodyPage>;

export const EnterpriseDetail = z.object({
  enterprise: Enterprise,
  triangle: Triangle,
  saturation: Saturation.nullable(),
});
export type EnterpriseDetail = z.infer<typeof EnterpriseDetail>;

// ---- inputs ----

export const CreateBodyInput = z.object({
  parentId: Uuid,
  kind: BodyKind,
  name: Name,
  nameRu: NameRu,
  enterpriseId: Uuid.nullish(),
  /** For a primary organisation: the founding full members, re-registered into it. */
  foundingMemberIds: z.array(Uuid).max(10_000).optional(),
});
export type CreateBodyInput = z.infer<typeof CreateBodyInput>;

export const RenameBodyInput = z.object({ name: Name, nameRu: NameRu });
export type RenameBodyInput = z.infer<typeof RenameBodyInput>;

export const MoveBodyInput = z.object({ newParentId: Uuid });
export type MoveBodyInput = z.infer<typeof MoveBodyInput>;

export const MergeBodyInput = z.object({ intoId: Uuid });
export type MergeBodyInput = z.infer<typeof MergeBodyInput>;

export const AssignOfficeInput = z.object({
  personId: Uuid,
  title: z.string().trim().min(1).max(100),
  startsOn: IsoDate,
  endsOn: IsoDate.nullish(),
});
export type AssignOfficeInput = z.infer<typeof AssignOfficeInput>;

const OfficeReason = z.string().trim().max(2000).optional();

/** Ends an office: at once when `endsOn` is today or earlier (the default), else shortens its term to that day. */
export const EndOfficeInput = z.object({ endsOn: IsoDate.optional(), reason: OfficeReason });
export type EndOfficeInput = z.infer<typeof EndOfficeInput>;

/** Extends an office's term to a later last day, or (null) until it is ended. Its own recorded act. */
export const ExtendOfficeInput = z.object({ endsOn: IsoDate.nullable(), reason: OfficeReason });
export type ExtendOfficeInput = z.infer<typeof ExtendOfficeInput>;

export const CreateEnterpriseInput = z.object({
  name: Name,
  nameRu: NameRu,
  industry: z.string().trim().min(1).max(100).default('industry'),
  workforce: z.number().int().min(0).max(10_000_000),
  primaryOrganisationId: Uuid,
});
export type CreateEnterpriseInput = z.infer<typeof CreateEnterpriseInput>;

/** Path parameter of every /api/bodies/{id}, /api/offices/{id}, /api/enterprises/{id} route. */
