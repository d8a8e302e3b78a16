// The react-query keys of the ballot panels' answers. Keys start with ['ballot', meetingId], outside the meeting
// page's own keys: the ballot panels follow the live stream themselves (queries.ts, useBallotLiveSync).
export const ballotKeys = {
  all: (meetingId: string) => ['ballot', meetingId] as const,
  motions: (meetingId: string) => ['ballot', meetingId, 'motions'] as const,
  votes: (meetingId: string) => ['ballot', meetingId, 'votes'] as const,
  vote: (meetingId: string, voteId: string) => ['ballot', meetingId, 'vote', voteId] as const,
  elections: (meetingId: string) => ['ballot', meetingId, 'elections'] as const,
  mandates: (meetingId: string) => ['ballot', meetingId, 'mandates'] as const,
  board: (meetingId: string, voteId: string) => ['ballot', meetingId, 'board', voteId] as const,
};
