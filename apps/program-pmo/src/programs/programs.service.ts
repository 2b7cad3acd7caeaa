import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccessScope, type Principal } from '@pmo/auth';
import { Clock } from '@pmo/http';
import { EventOutbox, type StagedEvent } from '@pmo/messaging';
import { AuditLog, type PendingAuditEntry } from '@pmo/persistence';
import { GroupCommit } from '@pmo/worker';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import type { RegisterProgramBody } from '@pmo/contracts';
import { ProgramEntity } from './program.entity';
import { ProgramCodeTakenError, ProgramNameTakenError, ProgramNotFoundError, ProgramOutsideScopeError } from './programs.errors';

/** A registration staged in its caller's context, waiting for its group's transaction. */
interface Registration {
  program: ProgramEntity;
  event: StagedEvent;
  audit: PendingAuditEntry;
}

@Injectable()
export class ProgramsService {
  // Concurrent registrations share a transaction (see GroupCommit): one commit for many programs.
  private readonly registrations = new GroupCommit<Registration, ProgramEntity>((group) => this.writeRegistrations(group));

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** Registers a program; the program, its audit entry and `program.registered` commit together. */
  async registerProgram(input: RegisterProgramBody, actor: Principal): Promise<ProgramEntity> {
    const id = randomUUID();
    const code = input.code ?? id;
    if (!AccessScope.of(actor).mayRegisterProgram(code)) throw new ProgramOutsideScopeError(code);
    const program = this.programs.create({
      id,
      code,
      name: input.name,
      description: input.description ?? '',
      tags: input.tags ?? [],
      // The service's clock, like every other fact: a demo or a test that moves it registers in the past.
      registeredAt: this.clock.now(),
    });
    return this.registrations.submit({
      program,
      // Staged here, so the event carries this call's trace and the entry its request id.
      event: this.outbox.stage('pmo.program.registered.v1', {
        programId: program.id,
        name: program.name,
        code: program.code,
        description: program.description,
        tags: program.tags,
        registeredAt: program.registeredAt.toISOString(),
      }),
      audit: AuditLog.entry({
        actor: { subject: actor.subject, name: actor.name },
        action: 'program.registered',
        entityType: 'program',
        entityId: program.id,
        after: program,
      }),
    });
  }

  /** Writes a group of registrations in one transaction, three statements whatever its size. */
  private writeRegistrations(group: readonly Registration[]): Promise<ProgramEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      // insert, not save: save first SELECTs each new id to choose between INSERT and UPDATE. The unique
      // name and code are left to their indexes rather than checked first: one round trip less.
      await manager
        .insert(
          ProgramEntity,
          group.map((registration) => registration.program),
        )
        .catch((error: unknown) => {
          // A group's failure is only reported for a group of one: GroupCommit retries the others alone.
          const violated = group.length === 1 ? uniqueConstraintViolated(error) : undefined;
          if (violated === 'programs_name_key') throw new ProgramNameTakenError(group[0].program.name);
          if (violated === 'programs_code') throw new ProgramCodeTakenError(group[0].program.code);
          throw error;
        });
      await this.outbox.addStaged(
        manager,
        group.map((registration) => registration.event),
      );
      await AuditLog.recordAll(
        manager,
        group.map((registration) => registration.audit),
      );
      return group.map((registration) => registration.program);
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
