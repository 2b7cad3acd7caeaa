import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KnownProgramEntity } from './known-program.entity';
import { ProgramsController } from './programs.controller';
import { ProgramsEvents } from './programs.events';

@Module({
  imports: [TypeOrmModule.forFeature([KnownProgramEntity])],
  controllers: [ProgramsController, ProgramsEvents],
})
export class ProgramsModule {}
