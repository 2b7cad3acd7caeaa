import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedVersionEntity } from './published-version.entity';
import { StandardsViewEvents } from './standards-view.events';
import { StandardsViewService } from './standards-view.service';
import { WaveOpeningViewEntity } from './wave-opening-view.entity';

/** The standards read model, fed by events; a service imports it and asks StandardsViewService. */
@Module({
  imports: [TypeOrmModule.forFeature([PublishedVersionEntity, WaveOpeningViewEntity])],
  controllers: [StandardsViewEvents],
  providers: [StandardsViewService],
  exports: [StandardsViewService],
})
export class StandardsViewModule {}
