import { Controller, Get, HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { KnownProgramResponse } from './dto/known-program.response';
import { KnownProgramEntity } from './known-program.entity';
import { KnownProgramNotFoundError } from './programs.errors';

/** The programs a project may join: those project-pmo has heard of through `program.registered`. */
@ApiTags('programs')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('programs')
export class ProgramsController {
  constructor(@InjectRepository(KnownProgramEntity) private readonly programs: Repository<KnownProgramEntity>) {}

  @Get()
  @ApiOperation({ summary: 'Programs known to project-pmo' })
  @ApiResponse({ status: HttpStatus.OK, type: [KnownProgramResponse] })
  async listPrograms(): Promise<KnownProgramResponse[]> {
    return (await this.programs.find({ order: { name: 'ASC' } })).map(KnownProgramResponse.of);
  }

  @Get(':programId')
  @ApiOperation({ summary: 'One known program' })
  @ApiResponse({ status: HttpStatus.OK, type: KnownProgramResponse })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Not known (yet)' })
  async getProgram(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<KnownProgramResponse> {
    const program = await this.programs.findOneBy({ programId });
    if (!program) throw new KnownProgramNotFoundError(programId);
    return KnownProgramResponse.of(program);
  }
}
