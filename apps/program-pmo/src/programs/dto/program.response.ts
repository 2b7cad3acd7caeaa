import { ApiProperty } from '@nestjs/swagger';
import type { ProgramEntity } from '../program.entity';

export class ProgramResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Financial System Migration' })
  name: string;

  @ApiProperty({ example: 'fsm', description: 'Keycloak group `program-<code>` holds its program managers' })
  code: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  static of(program: ProgramEntity): ProgramResponse {
    return {
      id: program.id,
      name: program.name,
      code: program.code,
      description: program.description,
      tags: program.tags,
      registeredAt: program.registeredAt.toISOString(),
    };
  }
}
