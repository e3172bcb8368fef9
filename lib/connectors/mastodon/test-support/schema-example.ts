/**
 * A small example generator for the OpenAPI entity schemas in /work/shared/specs: builds an object that
 * satisfies a component schema (types, enums, formats, $ref, oneOf/anyOf/allOf, nullable type arrays).
 * Modes: "full" fills every property with a non-null value; "required" fills only required properties;
 * "nulls" fills every property and uses null wherever the schema allows it.
 */
export type ExampleMode = 'full' | 'required' | 'nulls';

type Schema = Record<string, unknown>;
export interface Spec {
  components: { schemas: Record<string, Schema> };
}

interface Ctx {
  spec: Spec;
  mode: ExampleMode;
  /** Picks among enum values, so callers can walk every value. */
  variant: number;
  maxDepth: number;
}

export function exampleFor(spec: Spec, name: string, mode: ExampleMode, variant = 0): unknown {
  return build({ $ref: `#/components/schemas/${name}` }, { spec, mode, variant, maxDepth: 6 }, 0, name);
}

function resolve(schema: Schema, ctx: Ctx): Schema {
  if (typeof schema.$ref !== 'string') return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = ctx.spec.components.schemas[name];
  if (!target) throw new Error(`unknown $ref ${schema.$ref}`);
  const { $ref: _ref, ...siblings } = schema;
  return resolve({ ...target, ...siblings, type: target.type ?? siblings.type }, ctx);
}

function build(raw: Schema, ctx: Ctx, depth: number, key: string): unknown {
  const schema = resolve(raw, ctx);
  const deep = depth >= ctx.maxDepth;
  const options = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (options) {
    const nullable = options.some((o) => o.type === 'null');
    if (nullable && (ctx.mode === 'nulls' || deep)) return null;
    return build(options.find((o) => o.type !== 'null') ?? options[0], ctx, depth, key);
  }
  if (Array.isArray(schema.allOf)) {
    const merged = (schema.allOf as Schema[]).map((s) => resolve(s, ctx));
    return build({
      type: 'object',
      properties: Object.assign({}, ...merged.map((s) => s.properties ?? {})),
      required: merged.flatMap((s) => (s.required as string[] | undefined) ?? []),
    }, ctx, depth, key);
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  if (types.includes('null') && (ctx.mode === 'nulls' || deep)) return null;
  if (Array.isArray(schema.enum)) return schema.enum[ctx.variant % schema.enum.length];
  const type = types.find((t) => t && t !== 'null') ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'object': return object(schema, ctx, depth);
    case 'array': return deep || ctx.mode === 'required' ? [] : [build((schema.items as Schema) ?? {}, ctx, depth + 1, key)];
    case 'integer': return 3;
    case 'number': return 1.5;
    case 'boolean': return ctx.variant % 2 === 0;
    default: return stringFor(schema.format as string | undefined, key);
  }
}

function object(schema: Schema, ctx: Ctx, depth: number): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(props)) {
    // Past the depth limit only required properties are filled, which ends recursion (Status.reblog, Account.moved).
    if (!required.has(name) && (ctx.mode === 'required' || depth >= ctx.maxDepth)) continue;
    out[name] = build(prop, ctx, depth + 1, name);
  }
  return out;
}

function stringFor(format: string | undefined, key: string): string {
  switch (format) {
    case 'date-time': return '2024-05-01T12:00:00.000Z';
    case 'date': return '2024-05-01';
    case 'uri': case 'url': return `https://example.test/${key}`;
    case 'email': return 'someone@example.test';
    case 'iso-639-1': return 'en';
    default: return key === 'id' || key.endsWith('_id') ? '109000000000000042' : `example ${key}`;
  }
}
