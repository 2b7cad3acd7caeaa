import { Controller, Get, HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, type Principal } from '@pmo/auth';
import { Repository } from 'typeorm';
import { KnownProgramResponse } from './dto/known-program.response';
import { KnownProgramEntity } from './known-program.entity';
import { KnownProgramNotFoundError } from './programs.errors';
import { ProjectScopes } from './project-scopes';

/** The programs a project may join: those project-pmo has heard of through `program.registered`. */
@ApiTags('programs')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('programs')
export class ProgramsController {
  constructor(
    @InjectRepository(KnownProgramEntity) private readonly programs: Repository<KnownProgramEntity>,
    private readonly scopes: ProjectScopes,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Programs known to project-pmo' })
  @ApiResponse({ status: HttpStatus.OK, type: [KnownProgramResponse] })
  async listPrograms(@CurrentPrincipal() principal: Principal): Promise<KnownProgramResponse[]> {
    return (await this.scopes.reachablePrograms(principal)).map(KnownProgramResponse.of);
  }

  @Get(':programId')
  @InScope({ kind: 'program', param: 'programId' })
  @ApiOperation({ summary: 'One known program' })
  @ApiResponse({ status: HttpStatus.OK, type: KnownProgramResponse })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Not known (yet)' })
  async getProgram(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<KnownProgramResponse> {
    const program = await this.programs.findOneBy({ programId });
    if (!program) throw new KnownProgramNotFoundError(programId);
    return KnownProgramResponse.of(program);
  }
}
