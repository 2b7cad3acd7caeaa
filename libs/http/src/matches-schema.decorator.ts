import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ValidateBy, type ValidationArguments } from 'class-validator';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

/**
 * Validates a property against a JSON Schema (for unions such as leeway or applicability, which
 * class-validator cannot express) and documents the schema in the OpenAPI document. The 400 message
 * names the property and every failing path inside it.
 */
export function MatchesSchema(schema: Record<string, unknown>, options: { description: string; example?: unknown; required?: boolean; isArray?: boolean }) {
  const validate = ajv.compile(schema);
  return applyDecorators(
    ValidateBy({
      name: 'matchesSchema',
      validator: {
        validate: (value: unknown) => validate(value),
        defaultMessage: (args?: ValidationArguments) => {
          validate(args?.value);
          const problems = (validate.errors ?? []).map((e) => `${args?.property}${e.instancePath} ${e.message ?? 'is invalid'}`);
          return [...new Set(problems)].join(', ') || `${args?.property} is invalid`;
        },
      },
    }),
    ApiProperty({ ...openApiPart(schema), description: options.description, example: options.example, required: options.required ?? true } as ApiPropertyOptions),
  );
}

// OpenAPI 3.1 takes JSON Schema as is, less the document-level keywords.
function openApiPart(schema: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema).filter(([keyword]) => keyword !== '$schema' && keyword !== '$id'));
}
