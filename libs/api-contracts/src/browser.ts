// What a browser may import: the typed clients and schema types, without the Node-only document loader.
export {
  createPmoClients,
  type PmoBaseUrls,
  type PmoClientOptions,
  type PmoClients,
  type ProgramPmoClient,
  type ProjectPmoClient,
  type StrategicPmoClient,
} from './clients';
export type { components as StrategicPmoSchemas } from './generated/strategic-pmo';
export type { components as ProgramPmoSchemas } from './generated/program-pmo';
export type { components as ProjectPmoSchemas } from './generated/project-pmo';
