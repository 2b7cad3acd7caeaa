import { Module } from '@nestjs/common';
import { BuildoutController } from './buildout.controller';
import { BuildoutService } from './buildout.service';
import { DeploymentService } from './deployment.service';

@Module({
  controllers: [BuildoutController],
  providers: [BuildoutService, DeploymentService],
})
export class BuildoutModule {}
