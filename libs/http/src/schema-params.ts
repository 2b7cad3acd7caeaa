import { Body, Param, Query, UnsupportedMediaTypeException, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiParam, ApiProperty, ApiQuery, type ApiPropertyOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { checkFields, validatorOf } from '@pmo/contracts';
import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import { NullFieldError, RequestValidationError } from './request-errors';

/** Validates a body or query against its contract schema (the one ajv instance); 400 names every failing field. */
class SchemaPipe implements PipeTransform<unknown, unknown> {
  private takesNull?: Set<string>;

  constructor(
    private readonly schema: TObject,
    private readonly part: 'body' | 'query',
  ) {}

  transform(value: unknown): unknown {
    // Text or bytes reach a JSON route only when they were sent as another media type.
    if (this.part === 'body' && (typeof value === 'string' || Buffer.isBuffer(value)))
      throw new UnsupportedMediaTypeException('this endpoint reads its body as application/json');
    const input = this.part === 'query' ? coerceQuery(this.schema, value) : (value ?? {});
    const nullField = this.nullFieldOf(input);
    if (nullField) throw new NullFieldError(nullField);
    const check = checkFields(this.schema, input, this.part);
    if (!check.valid) throw new RequestValidationError(check.problems);
    return input;
  }

  // A top-level null where the contract has none is named as null, not as a wrong type.
  private nullFieldOf(input: unknown): string | undefined {
    if (typeof input !== 'object' || input === null) return undefined;
    this.takesNull ??= new Set(
      Object.entries(this.schema.properties)
        .filter(([name, property]) => acceptsNull(name, property))
        .map(([name]) => name),
    );
    const takesNull = this.takesNull;
    return Object.entries(input).find(([name, field]) => field === null && name in this.schema.properties && !takesNull.has(name))?.[0];
  }
}

// Checked inside an object, as the field is: a `default` at a schema's root is refused by strict ajv.
function acceptsNull(name: string, property: object): boolean {
  return validatorOf({ type: 'object', properties: { [name]: property } })({ [name]: null });
}

// A query string carries only strings: numbers and booleans are read as the schema declares them, so
// the one ajv instance needs no type coercion of its own (event payloads must never be coerced).
function coerceQuery(schema: TObject, value: unknown): Record<string, unknown> {
  const query: Record<string, unknown> = { ...(value as Record<string, unknown> | undefined) };
  for (const [name, property] of Object.entries(schema.properties)) {
    const raw = query[name];
    if (typeof raw !== 'string') continue;
    const type = (property as { type?: string }).type;
    if ((type === 'integer' || type === 'number') && raw.trim() !== '' && Number.isFinite(Number(raw))) query[name] = Number(raw);
    if (type === 'boolean' && (raw === 'true' || raw === 'false')) query[name] = raw === 'true';
  }
  return query;
}

// OpenAPI shows the schema ajv checks, less the keywords that only mean something to ajv.
function openApiSchemaOf(schema: object): SchemaObject {
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) => (key === '$schema' || key === '$id' || key === 'errorMessage' ? undefined : value)),
  ) as SchemaObject;
}

function methodOf(target: object, key: string | symbol | undefined): [string | symbol, PropertyDescriptor] {
  if (key === undefined) throw new Error('a contract parameter decorator belongs on a method parameter');
  return [key, Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor];
}

/**
 * The request body, validated against `schema` and documented with it in OpenAPI: one declaration for
 * the TypeScript type, the check and the document. Unknown fields are refused, naming them.
 */
export function BodyOf(schema: TObject): ParameterDecorator {
  return (target, key, index) => {
    Body(new SchemaPipe(schema, 'body'))(target, key as string, index);
    ApiBody({ schema: openApiSchemaOf(schema) })(target, ...methodOf(target, key));
  };
}

/** The query string, read against `schema` (numbers and booleans as declared), validated and documented. */
export function QueryOf(schema: TObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new SchemaPipe(schema, 'query'))(target, key as string, index);
    const required = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties)) {
      const { description, ...rest } = openApiSchemaOf(property);
      ApiQuery({ name, required: required.has(name), description, schema: rest })(target, ...methodOf(target, key));
    }
  };
}

// One path parameter, checked as the field `name` of an object so that the answer names it.
class PathParamPipe implements PipeTransform<string, string> {
  private readonly schema: TObject;

  constructor(
    private readonly name: string,
    schema: TSchema,
  ) {
    this.schema = Type.Object({ [name]: schema }, { additionalProperties: false });
  }

  transform(value: string): string {
    const check = checkFields(this.schema, { [this.name]: value }, 'path');
    if (!check.valid) throw new RequestValidationError(check.problems);
    return value;
  }
}

/** The path parameter `name`, validated against `schema` (400 naming it and the rule) and documented with it. */
export function ParamOf(name: string, schema: TSchema): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new PathParamPipe(name, schema))(target, key as string, index);
    const { description, ...rest } = openApiSchemaOf(schema);
    ApiParam({ name, required: true, description, schema: rest })(target, ...methodOf(target, key));
  };
}

/** A response property documented with its contract schema from libs/contracts, so it is declared once. */
export function ApiPropertyOf(schema: TSchema, options: ApiPropertyOptions = {}): PropertyDecorator {
  // The options type is a union per `type`; a contract schema is plain JSON Schema, which the union cannot narrow.
  return ApiProperty({ ...openApiSchemaOf(schema), ...options } as ApiPropertyOptions);
}
