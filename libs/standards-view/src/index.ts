// The read model of published standards and opened waves that program-pmo and project-pmo keep from events.
export { StandardsViewModule } from './standards-view.module';
export { StandardsViewService, versionFactsOf } from './standards-view.service';
export { programStandards, type ProgramStandardView } from './program-standards';
export { PublishedVersionEntity } from './published-version.entity';
export { WaveOpeningViewEntity } from './wave-opening-view.entity';
export { CreateStandardsView1764000000600 } from './create-standards-view.migration';
export { AddReportSchema1764000000610 } from './add-report-schema.migration';
