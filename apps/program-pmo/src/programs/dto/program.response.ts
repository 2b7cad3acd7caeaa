import { ApiProperty } from '@nestjs/swagger';
import type { ProgramEntity } from '../program.entity';

export class ProgramResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Financial System Migration' })
  name: string;

  @ApiProperty({ example: 'fsm', description: 'Keycloak group `program-<code>` holds its program managers' })
  code: string;

  @ApiProperty({ description: 'What the program is for; empty when none was given', example: 'Moves the general ledger to the new platform' })
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
      // A program saved without one reads back as '' (the column's default); the answer to its creation says so too.
      description: program.description ?? '',
      tags: program.tags,
      registeredAt: program.registeredAt.toISOString(),
    };
  }
}
