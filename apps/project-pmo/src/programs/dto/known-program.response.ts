import { ApiProperty } from '@nestjs/swagger';
import type { KnownProgramEntity } from '../known-program.entity';

export class KnownProgramResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ example: 'Financial System Migration' })
  name: string;

  @ApiProperty({ example: 'fsm' })
  code: string;

  @ApiProperty({ type: [String] })
  tags: string[];

  static of(program: KnownProgramEntity): KnownProgramResponse {
    return { programId: program.programId, code: program.code, name: program.name, tags: program.tags };
  }
}
