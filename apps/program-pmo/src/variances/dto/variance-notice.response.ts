import { ApiProperty } from '@nestjs/swagger';
import type { VarianceNoticeEntity } from '../variance-notice.entity';

export class VarianceNoticeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  varianceId: string;

  @ApiProperty({ enum: ['rejected', 'expired', 'revoked', 'escalated', 'conditions-overdue', 'needs-review', 'confirmed', 'renewed', 'renewal-rejected'] })
  kind: string;

  @ApiProperty({ example: 'variance ended on 2026-10-25: its projects stand as they would without it' })
  message: string;

  @ApiProperty({ format: 'date-time' })
  noticedAt: string;

  static of(n: VarianceNoticeEntity): VarianceNoticeResponse {
    return { id: n.id, varianceId: n.varianceId, kind: n.kind, message: n.message, noticedAt: n.noticedAt.toISOString() };
  }
}
