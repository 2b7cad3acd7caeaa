import { Module } from '@nestjs/common';
import { ComplianceModelModule } from '../compliance/compliance-model.module';
import { AdoptionMetrics } from './adoption-metrics';
import { ComplianceTrendMetrics } from './compliance-trend';
import { HealthMetrics } from './health-metrics';
import { MetricsController } from './metrics.controller';
import { VarianceMetrics } from './variance-metrics';

/** The governance metrics and their catalog of definitions (docs/metrics.md). */
@Module({
  imports: [ComplianceModelModule],
  controllers: [MetricsController],
  providers: [HealthMetrics, VarianceMetrics, AdoptionMetrics, ComplianceTrendMetrics],
})
export class GovernanceMetricsModule {}
