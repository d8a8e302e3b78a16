// The react-query keys of the meeting pages' answers.
export const keys = {
  all: ['meetings'] as const,
  mine: ['meetings', 'mine'] as const,
  body: (bodyId: string) => ['meetings', 'body', bodyId] as const,
  meeting: (id: string) => ['meeting', id] as const,
  participants: (id: string, q: string, present: string) => ['meeting', id, 'participants', q, present] as const,
  participantsAll: (id: string) => ['meeting', id, 'participants'] as const,
  floor: (id: string) => ['meeting', id, 'floor'] as const,
  transcript: (id: string) => ['meeting', id, 'transcript'] as const,
  notes: (id: string) => ['meeting', id, 'notes'] as const,
  noteKey: (id: string) => ['meeting', id, 'note-key'] as const,
  protocol: (id: string) => ['meeting', id, 'protocol'] as const,
  live: (id: string) => ['meeting', id, 'live'] as const,
};
