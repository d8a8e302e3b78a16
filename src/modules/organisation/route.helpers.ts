// Small helpers shared by the organisation routes: response descriptors and the sign-in check.
import type { z } from '@hono/zod-openapi';
import { CommonErrors } from '../../platform/errors.js';
import type { Actor } from '../../platform/actor.js';
import { ErrorBody } from '../../contracts/common.js';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const readErrors = {
  400: json(ErrorBody, 'Invalid request'),
  401: json(ErrorBody, 'Not signed in'),
  403: json(ErrorBody, 'Outside your organisation'),
  404: json(ErrorBody, 'Unknown id'),
};

export const writeErrors = {
  ...readErrors,
  409: json(ErrorBody, 'Conflicts with the current state of the tree'),
  422: json(ErrorBody, 'The statute does not allow this'),
};

export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw CommonErrors.not_signed_in();
  return actor;
}
