import { Module } from '@nestjs/common';
import { ProgramsEvents } from './programs.events';

@Module({ controllers: [ProgramsEvents] })
export class ProgramsModule {}
