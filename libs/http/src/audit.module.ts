import {
  BadRequestException,
  Controller,
  Get,
  Headers,
  HttpStatus,
  Inject,
  Injectable,
  Module,
  Res,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@pmo/auth';
import { AuditLog, AuditSealer, dataSourceTransaction, findAuditEntries, sealAuditLog, verifyAuditChain } from '@pmo/persistence';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { auditCsv } from './audit-csv';
import { AUDIT_PAGE_MAX, AuditPageResponse, auditQuery, AuditVerifyResponse, type AuditQuery } from './audit-query.dto';
import { Clock } from './clock';
import { ApiContent } from './openapi';
import { QueryOf } from './schema-params';

@ApiTags('audit')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Only an auditor reads the audit log' })
@Controller('audit')
class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('auditor')
  @ApiOperation({
    summary:
      "This service's audit log, filtered by entity, actor, action (security.refused for refused governance attempts) and time, in seq order with a keyset cursor; CSV with ?format=csv or Accept: text/csv",
  })
  @ApiContent(HttpStatus.OK, 'A page of entries; as CSV (the next page in the X-Next-After-Seq header) with format=csv or Accept: text/csv', {
    json: AuditPageResponse,
    text: ['text/csv'],
  })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'A filter is invalid (named in the message)' })
  async list(
    @QueryOf(auditQuery) query: AuditQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditPageResponse | string> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from > to) throw new BadRequestException(['from must not be after to']);
    const csv = query.format === 'csv' || (query.format === undefined && (accept ?? '').includes('text/csv'));
    const limit = query.limit ?? (csv ? AUDIT_PAGE_MAX : 100);
    const entries = await findAuditEntries((sql, params) => this.dataSource.query(sql, params), { ...query, from, to, limit });
    const nextAfterSeq = entries.length === limit ? entries[entries.length - 1].seq : undefined;
    if (!csv) return { entries, nextAfterSeq };
    response.type('text/csv');
    if (nextAfterSeq !== undefined) response.setHeader('X-Next-After-Seq', String(nextAfterSeq));
    return auditCsv(entries);
  }

  @Get('verify')
  @Roles('auditor')
  @ApiOperation({ summary: "Seals the entries committed so far into this service's audit hash chain, recomputes it and names the first broken link" })
  @ApiResponse({ status: HttpStatus.OK, type: AuditVerifyResponse, description: 'The check ran; ok tells whether the chain holds' })
  async verify(): Promise<AuditVerifyResponse> {
    // Sealing first covers a change made a moment ago, before the background sealer got to it.
    await sealAuditLog(dataSourceTransaction(this.dataSource));
    return verifyAuditChain((sql, params) => this.dataSource.query(sql, params));
  }
}

const AUDIT_LOGGER = Symbol('AUDIT_LOGGER');

/** The slice of a pino logger the sealer uses. */
interface AuditLogger {
  warn(fields: object, message: string): void;
}

/** Runs the audit sealer while the service runs. */
@Injectable()
class SealerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private sealer?: AuditSealer;

  constructor(
    @Inject(AUDIT_LOGGER) private readonly logger: AuditLogger,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.sealer = new AuditSealer({ dataSource: this.dataSource, logger: this.logger });
    this.sealer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sealer?.stop();
  }
}

/** Every audit entry of the service keeps its domain clock's time beside the database's. */
@Injectable()
class DomainTimeOfEntries {
  constructor(clock: Clock, dataSource: DataSource) {
    AuditLog.useDomainClock(dataSource, () => clock.now());
  }
}

/**
 * `GET /audit` and `GET /audit/verify` over the service's own audit log, for auditors, its sealer, and the
 * domain time of its entries.
 */
@Module({})
export class AuditModule {
  static forRoot(logger: AuditLogger): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController],
      providers: [{ provide: AUDIT_LOGGER, useValue: logger }, SealerLifecycle, DomainTimeOfEntries],
    };
  }
}
