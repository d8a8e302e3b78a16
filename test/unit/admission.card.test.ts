// The membership card PDF: with a Unicode font (Cyrillic names) and, without one, Latin only.
import { describe, expect, it } from 'vitest';
import { cardFont, renderCard } from '../../src/modules/admission/admission.card.js';

const data = {
  organisationName: 'All-Union Communist Party (Bolsheviks)',
  organisationNameRu: 'ВКП(б)',
  name: 'Smirnov Alexei Petrovich',
  nameRu: 'Смирнов Алексей Петрович',
  cardNumber: '00000001',
  status: 'member',
  joinedOn: '1935-04-10',
  candidateSince: null,
  bodyName: 'Tractor shop',
  bodyNameRu: 'Тракторный цех',
  primaryName: 'Red Putilovite',
  issuedOn: '1935-04-11',
};

describe('membership card', () => {
  it('renders a PDF in Latin only when no Unicode font is available', async () => {
    const pdf = await renderCard(data, null);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });
  it.runIf(cardFont() !== null)('embeds a Unicode font for Cyrillic names when one is installed', async () => {
    const pdf = await renderCard(data);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.toString('latin1')).toMatch(/DejaVu|FontFile2/);
  });
});
