import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccessScope, type Principal } from '@pmo/auth';
import { Clock, idempotentCall, onceForKey, type IdempotentCall } from '@pmo/http';
import { EventOutbox, type StagedEvent } from '@pmo/messaging';
import { AuditLog, type PendingAuditEntry } from '@pmo/persistence';
import { GroupCommit } from '@pmo/worker';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import type { RegisterProgramBody } from '@pmo/contracts';
import { ProgramEntity } from './program.entity';
import { ProgramRegistrationCallEntity } from './program-registration-call.entity';
import { ProgramCodeTakenError, ProgramNameTakenError, ProgramNotFoundError, ProgramOutsideScopeError } from './programs.errors';

/** A registration staged in its caller's context, waiting for its group's transaction. */
interface Registration {
  program: ProgramEntity;
  event: StagedEvent;
  audit: PendingAuditEntry;
  /** Its Idempotency-Key's row, when the call sent one. */
  call: ProgramRegistrationCallEntity | null;
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

  /**
   * Registers a program; the program, its audit entry and `program.registered` commit together. With an
   * Idempotency-Key, a retry by the same caller gets the program the first call registered, and the same key with
   * another request is refused (`onceForKey`).
   */
  async registerProgram(input: RegisterProgramBody, actor: Principal, idempotencyKey?: string): Promise<ProgramEntity> {
    const call = idempotentCall(idempotencyKey, 'program.register', input);
    const registered = await onceForKey(
      call,
      (key) => this.keyedRegistration(actor.subject, key),
      async () => ({ requestFingerprint: call?.fingerprint ?? null, program: await this.register(input, actor, call) }),
    );
    return registered.program;
  }

  private async register(input: RegisterProgramBody, actor: Principal, call: IdempotentCall | null): Promise<ProgramEntity> {
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
      call: call && { caller: actor.subject, idempotencyKey: call.key, requestFingerprint: call.fingerprint, programId: id, calledAt: program.registeredAt },
    });
  }

  private async keyedRegistration(caller: string, key: string): Promise<{ requestFingerprint: string; program: ProgramEntity } | null> {
    const call = await this.dataSource.manager.findOneBy(ProgramRegistrationCallEntity, { caller, idempotencyKey: key });
    return call && { requestFingerprint: call.requestFingerprint, program: await this.getProgram(call.programId) };
  }

  /** Writes a group of registrations in one transaction, three statements whatever its size. */
  private writeRegistrations(group: readonly Registration[]): Promise<ProgramEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      // The keys first (their programs are checked at commit): a retry racing its first call fails on the key,
      // which `onceForKey` answers with the first call's program, not on the name the first call took.
      const calls = group.flatMap((registration) => registration.call ?? []);
      if (calls.length > 0) await manager.insert(ProgramRegistrationCallEntity, calls);
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
