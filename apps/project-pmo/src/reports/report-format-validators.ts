import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// Report formats are schemas that the strategic PMO writes, so they get their own lenient ajv (not the
// contracts' strict one). A published version never changes: its validator is compiled once, by version id.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** The validator of a published report format version, compiled on first use. */
export function reportValidatorOf(versionId: string, reportSchema: object): ValidateFunction {
  let validate = compiled.get(versionId);
  if (!validate) {
    // Two versions of a format may carry the same $id; ajv keeps one schema per $id, so it is left out.
    const schema: Record<string, unknown> = { ...reportSchema };
    delete schema.$id;
    validate = ajv.compile(schema);
    compiled.set(versionId, validate);
  }
  return validate;
}
