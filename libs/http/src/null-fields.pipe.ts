import { UnsupportedMediaTypeException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error';

/** A field sent as `null` where the contract has no null: refused, naming it (leaving it out is the way to omit it). */
export class NullFieldError extends DomainError {
  readonly code = 'REQUEST.NULL_FIELD';
  readonly kind = 'invalid';

  override readonly details: { path: string; message: string }[];

  constructor(readonly field: string) {
    super(`${field} must not be null: leave it out instead`);
    // `items[0].name` → `/items/0/name`, the pointer the other field problems carry.
    this.details = [
      {
        path: `/${field
          .replace(/\[(\d+)\]/g, '.$1')
          .split('.')
          .join('/')}`,
        message: this.message,
      },
    ];
  }
}

// Swagger's metadata key for @ApiProperty: a field documented `nullable: true` may be null.
const API_PROPERTY = 'swagger/apiModelProperties';

function isDto(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype;
}

function documentedNullable(prototype: object, key: string): boolean {
  const property = Reflect.getMetadata(API_PROPERTY, prototype, key) as { nullable?: boolean } | undefined;
  return property?.nullable === true;
}

/** The path of the first null field of a validated DTO (nested DTOs included), unless documented nullable. */
function nullFieldOf(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nullFieldOf(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  // Free-form objects (a version's kind-specific body, a report's data) are plain: null is a JSON value there,
  // left to the schema that checks them.
  if (!isDto(value)) return undefined;
  for (const [key, field] of Object.entries(value)) {
    const fieldPath = path === '' ? key : `${path}.${key}`;
    if (field === null && !documentedNullable(Object.getPrototypeOf(value) as object, key)) return fieldPath;
    const found = nullFieldOf(field, fieldPath);
    if (found) return found;
  }
  return undefined;
}

const NOT_DTOS: unknown[] = [Object, String, Buffer, Number, Boolean, Array, undefined];

/**
 * Runs before the ValidationPipe: a body DTO that received a text or binary body (not JSON) is 415; a null
 * field of the body is refused here already, so that the answer names it as null and not as a wrong type.
 */
export class JsonBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' || NOT_DTOS.includes(metadata.metatype)) return value;
    if (typeof value === 'string' || Buffer.isBuffer(value)) throw new UnsupportedMediaTypeException('this endpoint reads its body as application/json');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const prototype = (metadata.metatype as { prototype: object }).prototype;
    for (const [key, field] of Object.entries(value)) {
      if (field === null && !documentedNullable(prototype, key)) throw new NullFieldError(key);
    }
    return value;
  }
}

/**
 * Runs after the ValidationPipe, which lets `null` through `@IsOptional()`: a null field of a body, query or
 * path DTO is refused (400 naming it) instead of reaching a NOT NULL column.
 */
export class NullFieldsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom' || NOT_DTOS.includes(metadata.metatype)) return value;
    const field = nullFieldOf(value);
    if (field) throw new NullFieldError(field);
    return value;
  }
}
