/**
 * ASP.NET-style route templates as Azure Functions uses them for HTTP triggers:
 * literal segments (case-insensitive), `{name}`, `{name?}` (optional, trailing),
 * `{name:constraint}` and `{*rest}` / `{**rest}` (catch-all, last segment).
 *
 * Constraints: int, long, bool, alpha, guid, one per parameter. Others (`min(1)`,
 * `regex(...)`, chains like `{id:int:min(1)}`) fail at start-up with a clear message, so a
 * route never silently matches more locally than it would on Azure.
 */

export interface CompiledRoute {
  readonly template: string;
  /** Sort key: more specific routes first, as ASP.NET routing orders them. */
  readonly precedence: readonly number[];
  match(path: string): Record<string, string> | null;
}

type Constraint = { pattern: string; check?: (value: string) => boolean };

const int32 = (value: string) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;
};
const int64 = (value: string) => {
  try {
    const n = BigInt(value);
    return n >= -9223372036854775808n && n <= 9223372036854775807n;
  } catch {
    return false;
  }
};

const constraints: Record<string, Constraint> = {
  int: { pattern: '-?\\d+', check: int32 },
  long: { pattern: '-?\\d+', check: int64 },
  bool: { pattern: '[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]' },
  alpha: { pattern: '[A-Za-z]+' },
  guid: { pattern: '\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?' },
};

// Segment ranks for precedence (lower = more specific).
const rankLiteral = 0;
const rankConstrained = 1;
const rankParameter = 2;
const rankOptional = 3;
const rankCatchAll = 4;

interface Parameter {
  name: string;
  check?: (value: string) => boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class RouteTemplateError extends Error {
  constructor(template: string, message: string) {
    super(`Route "${template}": ${message}`);
    this.name = 'RouteTemplateError';
  }
}

const tokenPattern = /\{([^{}]+)\}/g;

/** Compiles a route template (without the host's `api/` prefix) into a matcher. */
export function compileRoute(template: string): CompiledRoute {
  const trimmed = template.replace(/^\/+|\/+$/g, '');
  const segments = trimmed === '' ? [] : trimmed.split('/');
  const parameters: Parameter[] = [];
  const precedence: number[] = [];
  let source = '^';
  const seen = new Set<string>();

  const addParameter = (name: string, parameter: Parameter) => {
    const key = name.toLowerCase();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new RouteTemplateError(template, `invalid parameter name "${name}"`);
    if (seen.has(key)) throw new RouteTemplateError(template, `parameter "${name}" appears twice`);
    seen.add(key);
    parameters.push(parameter);
  };

  segments.forEach((segment, index) => {
    const isLast = index === segments.length - 1;
    const whole = /^\{([^{}]+)\}$/.exec(segment);
    const wholeToken = whole?.[1];

    if (wholeToken?.startsWith('*')) {
      if (!isLast) throw new RouteTemplateError(template, 'a catch-all parameter must be the last segment');
      const name = wholeToken.replace(/^\*\*?/, '');
      addParameter(name, { name });
      // Matches the rest of the path including "/", and nothing at all.
      source += index === 0 ? '(.*)' : '(?:/(.*))?';
      precedence.push(rankCatchAll);
      return;
    }

    if (wholeToken?.endsWith('?')) {
      if (!isLast) throw new RouteTemplateError(template, 'an optional parameter must be the last segment');
      const { name, constraint } = parseToken(template, wholeToken.slice(0, -1));
      addParameter(name, { name, check: constraint?.check });
      const body = `(${constraint?.pattern ?? '[^/]+'})`;
      source += index === 0 ? `${body}?` : `(?:/${body})?`;
      precedence.push(rankOptional);
      return;
    }

    if (index > 0) source += '/';
    let rank = rankLiteral;
    let last = 0;
    for (const token of segment.matchAll(tokenPattern)) {
      source += escapeRegExp(segment.slice(last, token.index));
      const tokenText = token[1] ?? '';
      if (tokenText.startsWith('*') || tokenText.endsWith('?')) {
        throw new RouteTemplateError(template, `"{${tokenText}}" must be a whole segment`);
      }
      const { name, constraint } = parseToken(template, tokenText);
      addParameter(name, { name, check: constraint?.check });
      source += `(${constraint?.pattern ?? '[^/]+?'})`;
      rank = Math.max(rank, constraint ? rankConstrained : rankParameter);
      last = token.index + token[0].length;
    }
    const rest = segment.slice(last);
    if (/[{}]/.test(rest)) throw new RouteTemplateError(template, `unbalanced braces in segment "${segment}"`);
    source += escapeRegExp(rest);
    precedence.push(rank);
  });
  source += '/?$';
  const regex = new RegExp(source, 'i');

  return {
    template,
    precedence,
    match(path) {
      const found = regex.exec(path.replace(/^\/+/, ''));
      if (!found) return null;
      const params: Record<string, string> = {};
      for (const [i, parameter] of parameters.entries()) {
        const raw = found[i + 1];
        if (raw === undefined) continue;
        let value: string;
        try {
          value = decodeURIComponent(raw);
        } catch {
          return null; // Malformed percent-encoding cannot name anything.
        }
        if (parameter.check && !parameter.check(value)) return null;
        params[parameter.name] = value;
      }
      return params;
    },
  };
}

function parseToken(template: string, token: string): { name: string; constraint?: Constraint } {
  const [name = '', ...constraintNames] = token.split(':');
  if (constraintNames.length === 0) return { name };
  if (constraintNames.length > 1)
    throw new RouteTemplateError(template, `only one constraint per parameter is supported ("${token}")`);
  const constraintName = (constraintNames[0] ?? '').toLowerCase();
  const constraint = constraints[constraintName];
  if (!constraint) {
    throw new RouteTemplateError(
      template,
      `constraint "${constraintName}" is not supported by the local host (supported: ` +
        `${Object.keys(constraints).join(', ')})`,
    );
  }
  return { name, constraint };
}

/** Orders routes most specific first; ties keep registration order (Array.sort is stable). */
export function comparePrecedence(a: CompiledRoute, b: CompiledRoute): number {
  const length = Math.max(a.precedence.length, b.precedence.length);
  for (let i = 0; i < length; i++) {
    // Only optional and catch-all segments can match nothing; a route that ends there is
    // more specific than one that merely allows it: "items" before "items/{id?}".
    const ra = a.precedence[i] ?? rankOptional - 0.5;
    const rb = b.precedence[i] ?? rankOptional - 0.5;
    if (ra !== rb) return ra - rb;
  }
  return 0;
}
