// Error codes of the organisation area.
import { defineErrors, sharedErrors } from '../../platform/errors.js';

export const OrgErrors = defineErrors({
  office_not_found: { kind: 'not_found', message: 'There is no such office in your organisation.' },
  body_name_ambiguous: {
    kind: 'conflict',
    message: 'Several bodies have this name. Give the body id or its full path instead.',
  },
  kind_not_allowed_here: {
    kind: 'rule_violation',
    message: 'The statute does not allow a body of this kind under that parent. Choose another parent or kind.',
  },
  below_statute_minimum: {
    kind: 'rule_violation',
    message: 'The statute requires more founding full members to form a primary organisation. Add founding members.',
  },
  founding_member_not_eligible: {
    kind: 'rule_violation',
    message: 'Some founding members are not full members registered in bodies you manage. Check the list.',
  },
  cannot_move_into_own_subtree: {
    kind: 'conflict',
    message: 'A body cannot be moved under itself or one of its own sub-bodies. Choose a parent outside its subtree.',
  },
  cannot_merge_into_itself: {
    kind: 'conflict',
    message: 'A body cannot be merged into itself or into one of its own sub-bodies.',
  },
  merge_kind_mismatch: { kind: 'rule_violation', message: 'Only bodies of the same kind can be merged.' },
  body_has_members: {
    kind: 'conflict',
    message: 'Members or candidates are still registered in this body or below it. Transfer them first.',
  },
  body_has_children: {
    kind: 'conflict',
    message: 'This body still has active sub-bodies. Dissolve, move or merge them first.',
  },
  root_body_fixed: {
    kind: 'conflict',
    message: 'The root body of the organisation cannot be moved, merged or dissolved.',
  },
  unknown_office: { kind: 'rule_violation', message: 'The statute has no office with this title.' },
  office_dates_invalid: { kind: 'invalid', message: 'An office cannot end before it starts.' },
  office_already_ended: { kind: 'conflict', message: 'This office has already ended.' },
  own_office_unchangeable: {
    kind: 'forbidden',
    message: 'Nobody may end or extend an office they hold themselves; a committee above decides it.',
  },
  own_office_assignment: {
    kind: 'forbidden',
    message: 'Nobody may appoint themselves to an office; a committee above decides it.',
  },
  office_end_later_than_term: {
    kind: 'invalid',
    message: 'This date is after the end of the term. Extending a term is its own act: use "Extend the term".',
  },
  office_extension_not_later: {
    kind: 'invalid',
    message: 'An extension must move the end of the term later than it is now.',
  },
  office_without_end: {
    kind: 'conflict',
    message: 'This office is held without an end date; there is no term to extend.',
  },
  not_a_primary_organisation: {
    kind: 'rule_violation',
    message: 'An enterprise is linked to a primary organisation. Choose a primary organisation.',
  },
  enterprise_already_linked: {
    kind: 'conflict',
    message: 'This primary organisation is already linked to an enterprise.',
  },
  ...sharedErrors('body_not_found', 'person_not_found', 'enterprise_not_found', 'body_not_active'),
});
