import { describe, expect, it } from 'vitest';
import { parseReportQuery, reportHref } from './report-query';

describe('parseReportQuery', () => {
  it('reads a town and a ZIP code area', () => {
    expect(parseReportQuery('?level=town&id=2500934550')).toEqual({ ok: true, level: 'town', id: '2500934550' });
    expect(parseReportQuery('?id=01841&level=zcta')).toEqual({ ok: true, level: 'zcta', id: '01841' });
  });
  it('refuses a missing or unknown level and an id of the wrong shape, saying which', () => {
    expect(parseReportQuery('?id=2500934550')).toMatchObject({ ok: false, message: expect.stringMatching(/level=town/) });
    expect(parseReportQuery('?level=county&id=1')).toMatchObject({ ok: false });
    expect(parseReportQuery('?level=town&id=01841')).toMatchObject({ ok: false, message: expect.stringMatching(/10-digit/) });
    expect(parseReportQuery('?level=zcta&id=2500934550')).toMatchObject({ ok: false, message: expect.stringMatching(/5-digit/) });
    expect(parseReportQuery('?level=zcta')).toMatchObject({ ok: false });
  });
  it('round-trips its own links', () => {
    const href = reportHref('zcta', '01247');
    expect(parseReportQuery(new URL(href, 'http://x').search)).toEqual({ ok: true, level: 'zcta', id: '01247' });
  });
});
