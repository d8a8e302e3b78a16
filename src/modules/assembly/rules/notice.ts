// Notice of a meeting (pure): the statute asks for `noticeDays` days between the notice and the meeting's start.
// Convening gives the notice, so a meeting convened now may start `noticeDays` days from now at the earliest,
// unless it is urgent (an extraordinary meeting, which says so).

const DAY_MS = 86_400_000;

/** The earliest start the statute allows for a notice given at `noticeGivenAt`. */
export function earliestStart(noticeGivenAt: Date, noticeDays: number): Date {
  return new Date(noticeGivenAt.getTime() + noticeDays * DAY_MS);
}

/** Null when `startsAt` respects the notice, else the earliest start it could have. */
export function noticeTooShort(startsAt: Date, noticeGivenAt: Date, noticeDays: number): Date | null {
  const earliest = earliestStart(noticeGivenAt, noticeDays);
  return startsAt.getTime() < earliest.getTime() ? earliest : null;
}
