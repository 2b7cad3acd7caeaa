import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccessScope, type Principal } from '@pmo/auth';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import type { RegisterProgramDto } from './dto/register-program.dto';
import { ProgramEntity } from './program.entity';
import { ProgramCodeTakenError, ProgramNameTakenError, ProgramNotFoundError, ProgramOutsideScopeError } from './programs.errors';

@Injectable()
export class ProgramsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    private readonly outbox: EventOutbox,
  ) {}

  /** Registers a program; the program, its audit entry and `program.registered` commit together. */
  async registerProgram(input: RegisterProgramDto, actor: Principal): Promise<ProgramEntity> {
    const id = randomUUID();
    const code = input.code ?? id;
    if (!AccessScope.of(actor).mayRegisterProgram(code)) throw new ProgramOutsideScopeError(code);
    return this.dataSource.transaction(async (manager) => {
      // insert, not save: save first SELECTs the new id to choose between INSERT and UPDATE. The unique
      // name and code are left to their indexes rather than checked first: one round trip less per program.
      const program = manager.create(ProgramEntity, { id, code, name: input.name, description: input.description ?? '', tags: input.tags ?? [], registeredAt: new Date() });
      await manager.insert(ProgramEntity, program).catch((error: unknown) => {
        const violated = uniqueConstraintViolated(error);
        if (violated === 'programs_name_key') throw new ProgramNameTakenError(input.name);
        if (violated === 'programs_code') throw new ProgramCodeTakenError(code);
        throw error;
      });
      await this.outbox.add(manager, 'pmo.program.registered.v1', {
        programId: program.id,
        name: program.name,
        code: program.code,
        description: program.description,
        tags: program.tags,
        registeredAt: program.registeredAt.toISOString(),
      });
      await AuditLog.record(manager, { actor: { subject: actor.subject, name: actor.name }, action: 'program.registered', entityType: 'program', entityId: program.id, after: program });
      return program;
    });
  }

  async getProgram(programId: string): Promise<ProgramEntity> {
    const program = await this.programs.findOneBy({ id: programId });
    if (!program) throw new ProgramNotFoundError(programId);
    return program;
  }
}

/** The constraint a unique violation names, if the error is one. */
function uniqueConstraintViolated(error: unknown): string | undefined {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' ? driverError.constraint : undefined;
}
