import { Injectable } from '@nestjs/common';
import type { RoadmapKind } from '@pmo/contracts';
import { DataSource } from 'typeorm';
import { visiblePrograms, type RoadmapEntry, type RoadmapSource, type RoadmapWindow } from './roadmap-entry';

interface MeetingRow {
  meeting_id: string;
  scheduled_on: string;
  committee_name: string;
  program_ids: string[];
}

/** Steering committee meetings: each on its day, for the programs its committee steers (docs/steering-committees.md). */
@Injectable()
export class CommitteeMeetingSource implements RoadmapSource {
  readonly kinds: readonly RoadmapKind[] = ['committee-meeting'];

  constructor(private readonly dataSource: DataSource) {}

  async entriesWithin(window: RoadmapWindow): Promise<RoadmapEntry[]> {
    // Dates as text: node-postgres would turn a date into a local-time Date.
    const rows = (await this.dataSource.query(
      `SELECT m.id AS meeting_id, m.scheduled_on::text AS scheduled_on, c.name AS committee_name, c.program_ids
         FROM committee_meetings m JOIN steering_committees c ON c.id = m.committee_id
        WHERE m.scheduled_on BETWEEN $1::date AND $2::date`,
      [window.from, window.to],
    )) as MeetingRow[];
    return rows.flatMap((row) => {
      const programIds = visiblePrograms(window, row.program_ids);
      if (!programIds) return [];
      return [
        {
          uid: `committee-meeting.${row.meeting_id}`,
          kind: 'committee-meeting' as const,
          date: row.scheduled_on,
          title: `${row.committee_name} meets`,
          programIds,
          projectId: null,
          versionId: null,
        },
      ];
    });
  }
}
