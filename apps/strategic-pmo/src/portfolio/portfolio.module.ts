import { Module } from '@nestjs/common';
import { PortfolioController } from './portfolio.controller';
import { PortfolioEvents } from './portfolio.events';
import { PortfolioService } from './portfolio.service';

@Module({
  controllers: [PortfolioController, PortfolioEvents],
  providers: [PortfolioService],
})
export class PortfolioModule {}
