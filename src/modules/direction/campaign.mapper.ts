// A campaign's meeting as the API gives it (the report form pre-fills its meeting and item from it).
import type { CampaignMeeting } from '../../contracts/direction.js';
import type { CampaignMeetingRow } from './campaign.repository.js';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toCampaignMeeting(r: CampaignMeetingRow): CampaignMeeting {
  return {
    meetingId: r.meeting_id,
    agendaItemId: r.agenda_item_id,
    bodyId: r.body_id,
    convenedAt: iso(r.convened_at)!,
    heldAt: iso(r.held_at),
    present: r.present,
    entitled: r.entitled,
    quorate: r.quorate,
    protocolAt: iso(r.protocol_at),
  };
}
