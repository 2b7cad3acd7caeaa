import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PortfolioProgramResponse } from './dto/portfolio-program.response';
import { PortfolioService } from './portfolio.service';

@ApiTags('portfolio')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('programs')
  @ApiOperation({ summary: 'Every program in the portfolio with its project count' })
  @ApiResponse({ status: HttpStatus.OK, type: [PortfolioProgramResponse] })
  listPrograms(): Promise<PortfolioProgramResponse[]> {
    return this.portfolio.listPrograms();
  }
}
