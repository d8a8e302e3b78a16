// Every assembly API path the web app calls, in one place, and the react-query keys of their answers.
const e = encodeURIComponent;

const m = (id: string) => `/api/meetings/${e(id)}`;

export const paths = {
  bodyMeetings: (bodyId: string) => `/api/bodies/${e(bodyId)}/meetings`,
  myMeetings: '/api/me/meetings',
  meeting: m,
  notice: (id: string) => `${m(id)}/notice`,
  calendar: (id: string) => `${m(id)}/calendar.ics`,
  participants: (id: string) => `${m(id)}/participants`,
  checkIn: (id: string) => `${m(id)}/check-in`,
  checkOut: (id: string) => `${m(id)}/check-out`,
  roles: (id: string) => `${m(id)}/roles`,
  open: (id: string) => `${m(id)}/open`,
  close: (id: string) => `${m(id)}/close`,
  cancel: (id: string) => `${m(id)}/cancel`,
  currentItem: (id: string) => `${m(id)}/agenda/current`,
  advance: (id: string) => `${m(id)}/agenda/advance`,
  floor: (id: string) => `${m(id)}/floor`,
  floorOrder: (id: string) => `${m(id)}/floor/order`,
  floorAct: (id: string, requestId: string, act: 'give' | 'end' | 'withdraw' | 'extend') =>
    `${m(id)}/floor/${e(requestId)}/${act}`,
  transcript: (id: string) => `${m(id)}/transcript`,
  transcriptEntry: (id: string, entryId: string) => `${m(id)}/transcript/${e(entryId)}`,
  live: (id: string) => `${m(id)}/live`,
  stream: (id: string) => `${m(id)}/stream`,
  noteKey: (id: string) => `${m(id)}/note-key`,
  noteTokens: (id: string) => `${m(id)}/note-tokens`,
  notes: (id: string) => `${m(id)}/notes`,
  anonymousNotes: (id: string) => `${m(id)}/anonymous-notes`,
  note: (id: string, noteId: string) => `${m(id)}/notes/${e(noteId)}`,
  protocol: (id: string) => `${m(id)}/protocol`,
  approve: (id: string) => `${m(id)}/protocol/approve`,
  seal: (id: string) => `${m(id)}/protocol/seal`,
  protocolPdf: (id: string) => `${m(id)}/protocol.pdf`,
  transcriptPdf: (id: string) => `${m(id)}/transcript.pdf`,
};

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
