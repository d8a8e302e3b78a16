// Every ballot API path the web app calls (motions, votes, the secret ballot, elections, mandates) and the
// react-query keys of their answers. Keys start with ['ballot', meetingId], outside the meeting page's own keys:
// the ballot panels follow the live stream themselves (queries.ts, useBallotLiveSync).
const e = encodeURIComponent;
const m = (id: string) => `/api/meetings/${e(id)}`;
const v = (id: string) => `/api/votes/${e(id)}`;

export const ballotPaths = {
  motions: (meetingId: string) => `${m(meetingId)}/motions`,
  amendments: (motionId: string) => `/api/motions/${e(motionId)}/amendments`,
  motionAct: (motionId: string, act: 'support' | 'withdraw' | 'minority-opinions') =>
    `/api/motions/${e(motionId)}/${act}`,
  votes: (meetingId: string) => `${m(meetingId)}/votes`,
  vote: v,
  voteAct: (voteId: string, act: 'open' | 'close' | 'cancel') => `${v(voteId)}/${act}`,
  count: (voteId: string) => `${v(voteId)}/count`,
  rollCall: (voteId: string) => `${v(voteId)}/roll-call`,
  token: (voteId: string) => `${v(voteId)}/token`,
  tokenMoved: (voteId: string) => `${v(voteId)}/token/moved`,
  ballots: (voteId: string) => `${v(voteId)}/ballots`,
  board: (voteId: string) => `${v(voteId)}/board`,
  boardBlt: (voteId: string) => `${v(voteId)}/board.blt`,
  recount: (voteId: string) => `${v(voteId)}/recount`,
  elections: (meetingId: string) => `${m(meetingId)}/elections`,
  election: (id: string) => `/api/elections/${e(id)}`,
  candidates: (id: string) => `/api/elections/${e(id)}/candidates`,
  consent: (id: string) => `/api/elections/${e(id)}/consent`,
  withdrawCandidate: (id: string, personId: string) => `/api/elections/${e(id)}/candidates/${e(personId)}/withdraw`,
  cancelElection: (id: string) => `/api/elections/${e(id)}/cancel`,
  mandates: (meetingId: string) => `${m(meetingId)}/mandates`,
  checkMandate: (id: string) => `/api/mandates/${e(id)}/check`,
};

export const ballotKeys = {
  all: (meetingId: string) => ['ballot', meetingId] as const,
  motions: (meetingId: string) => ['ballot', meetingId, 'motions'] as const,
  votes: (meetingId: string) => ['ballot', meetingId, 'votes'] as const,
  vote: (meetingId: string, voteId: string) => ['ballot', meetingId, 'vote', voteId] as const,
  elections: (meetingId: string) => ['ballot', meetingId, 'elections'] as const,
  mandates: (meetingId: string) => ['ballot', meetingId, 'mandates'] as const,
  board: (meetingId: string, voteId: string) => ['ballot', meetingId, 'board', voteId] as const,
};
