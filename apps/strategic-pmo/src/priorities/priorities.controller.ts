import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type PmoRole, type Principal } from '@pmo/auth';
import {
  priorityChangeBody,
  priorityDecisionBody,
  priorityRequestsQuery,
  rankingQuery,
  type PriorityChangeBody,
  type PriorityDecisionBody,
  type PriorityRequestsQuery,
  type RankingQuery,
} from '@pmo/contracts';
import { BodyOf, QueryOf } from '@pmo/http';
import { STRATEGIC_VIEW_ROLES } from '../scopes/strategic-view-roles';
import { PriorityChangeResponse, PriorityDecisionResponse, PriorityRequestResponse, RankingResponse } from './dto/priority.response';
import { PrioritiesService } from './priorities.service';
import { PriorityRequestsService } from './priority-requests.service';

// The roles a priority policy may name; the policy in force decides what each of them may do.
const RANKERS: PmoRole[] = ['strategic-admin', 'strategic-reviewer', 'program-manager'];
const REFUSALS = 'Closed project, rank past the end of the ranking, scores that do not fit the policy, or no policy in force (the message says which)';

@ApiTags('Priorities')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'The role may not do this, or the priority policy does not allow it (the message says what)' })
@Controller('priorities')
export class PrioritiesController {
  constructor(
    private readonly priorities: PrioritiesService,
    private readonly requests: PriorityRequestsService,
  ) {}

  @Get('portfolio')
  @Roles(...STRATEGIC_VIEW_ROLES)
  @ApiOperation({ summary: 'The portfolio ranking of the open projects, now or as of a day, with criteria scores and the policy in force' })
  @ApiOkResponse({ type: RankingResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid query' })
  portfolio(@QueryOf(rankingQuery) query: RankingQuery, @CurrentPrincipal() principal: Principal) {
    return this.priorities.ranking('portfolio', null, query.asOf, principal);
  }

  @Get('programs/:programId')
  @Roles(...STRATEGIC_VIEW_ROLES)
  @InScope({ kind: 'program', param: 'programId' })
  @ApiOperation({ summary: "A program's ranking of its open projects, now or as of a day" })
  @ApiOkResponse({ type: RankingResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid query' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Outside your programs' })
  program(@Param('programId', new ParseUUIDPipe()) programId: string, @QueryOf(rankingQuery) query: RankingQuery, @CurrentPrincipal() principal: Principal) {
    return this.priorities.ranking('program', programId, query.asOf, principal);
  }

  @Get('projects/:projectId/history')
  @Roles(...STRATEGIC_VIEW_ROLES)
  @ApiOperation({ summary: "A project's rank changes in both rankings, newest first: who, when, why and the criteria scores" })
  @ApiOkResponse({ type: [PriorityChangeResponse] })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project, or outside your programs' })
  history(@Param('projectId', new ParseUUIDPipe()) projectId: string, @CurrentPrincipal() principal: Principal) {
    return this.priorities.history(projectId, principal);
  }

  @Post('changes')
  @Roles(...RANKERS)
  @ApiOperation({ summary: "Changes a project's rank as the priority policy lets the caller do directly; the projects in between shift one place" })
  @ApiCreatedResponse({ type: PriorityChangeResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project, or outside your programs' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: REFUSALS })
  change(@BodyOf(priorityChangeBody) body: PriorityChangeBody, @CurrentPrincipal() principal: Principal) {
    return this.priorities.change(body, principal);
  }

  @Get('requests')
  @Roles(...STRATEGIC_VIEW_ROLES)
  @ApiOperation({ summary: 'The priority changes asked for, newest first (a program manager sees his programs only)' })
  @ApiOkResponse({ type: [PriorityRequestResponse] })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid query' })
  list(@QueryOf(priorityRequestsQuery) query: PriorityRequestsQuery, @CurrentPrincipal() principal: Principal) {
    return this.requests.list(query, principal);
  }

  @Post('requests')
  @Roles(...RANKERS)
  @ApiOperation({ summary: 'Asks for a rank change the policy does not let the caller make directly but lets him ask for; pending until decided' })
  @ApiCreatedResponse({ type: PriorityRequestResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project, or outside your programs' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: `${REFUSALS}; or the caller may make the change directly` })
  ask(@BodyOf(priorityChangeBody) body: PriorityChangeBody, @CurrentPrincipal() principal: Principal) {
    return this.requests.ask(body, principal);
  }

  @Post('requests/:requestId/decision')
  @HttpCode(HttpStatus.OK)
  @Roles(...RANKERS)
  @ApiOperation({ summary: 'Approves (applies the change) or refuses a pending request, as someone the policy allows who did not ask for it' })
  @ApiOkResponse({ type: PriorityDecisionResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown request, or outside your programs' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Already decided' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: REFUSALS })
  decide(
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @BodyOf(priorityDecisionBody) body: PriorityDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.requests.decide(requestId, body, principal);
  }
}
