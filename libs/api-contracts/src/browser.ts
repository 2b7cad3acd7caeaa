// What a browser may import: the typed clients and schema types, without the Node-only document loader.
export { createPmoClients, type PmoClients } from './clients';
export type { components as StrategicPmoSchemas } from './generated/strategic-pmo';
export type { components as ProgramPmoSchemas } from './generated/program-pmo';
export type { components as ProjectPmoSchemas } from './generated/project-pmo';
