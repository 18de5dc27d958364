import { compileRoute, comparePrecedence, RouteTemplateError } from './route-template';

describe('compileRoute', () => {
  it.each([
    ['health', 'health', {}],
    ['health', 'HEALTH', {}],
    ['health', 'health/', {}],
    ['items/{id}', 'items/abc', { id: 'abc' }],
    ['items/{id:int}', 'items/42', { id: '42' }],
    ['items/{id:int}', 'items/-7', { id: '-7' }],
    ['items/{id:long}', 'items/9007199254740993', { id: '9007199254740993' }],
    ['items/{id:alpha}', 'items/abcXYZ', { id: 'abcXYZ' }],
    ['flags/{on:bool}', 'flags/True', { on: 'True' }],
    ['docs/{id:guid}', 'docs/0f8fad5b-d9cb-469f-a165-70867728950e', { id: '0f8fad5b-d9cb-469f-a165-70867728950e' }],
    ['items/{id?}', 'items', {}],
    ['items/{id?}', 'items/5', { id: '5' }],
    ['files/{*path}', 'files/a/b/c.txt', { path: 'a/b/c.txt' }],
    ['files/{*path}', 'files', {}],
    ['files/{**path}', 'files/x', { path: 'x' }],
    ['forbund/{forbundId}/submissions/{id}', 'forbund/umea/submissions/s-1', { forbundId: 'umea', id: 's-1' }],
    ['names/{name}', 'names/%C3%85sa%20B', { name: 'Åsa B' }],
    ['files/{name}.{ext}', 'files/report.xlsx', { name: 'report', ext: 'xlsx' }],
  ])('%s matches %s', (template, path, params) => {
    expect(compileRoute(template).match(path)).toEqual(params);
  });

  it.each([
    ['health', 'healthz'],
    ['health', 'health/extra'],
    ['items/{id}', 'items'],
    ['items/{id}', 'items/a/b'],
    ['items/{id:int}', 'items/abc'],
    ['items/{id:int}', 'items/2147483648'], // Beyond Int32, as ASP.NET's int constraint.
    ['items/{id:alpha}', 'items/abc1'],
    ['flags/{on:bool}', 'flags/yes'],
    ['docs/{id:guid}', 'docs/not-a-guid'],
    ['names/{name}', 'names/%E0%A4%A'],
  ])('%s does not match %s', (template, path) => {
    expect(compileRoute(template).match(path)).toBeNull();
  });

  it.each([
    ['files/{*path}/more', /catch-all parameter must be the last segment/],
    ['items/{id?}/more', /optional parameter must be the last segment/],
    ['items/{id:min(1)}', /constraint "min\(1\)" is not supported/],
    ['items/{id:int:max(5)}', /only one constraint/],
    ['items/{id}/{ID}', /appears twice/],
    ['items/{1x}', /invalid parameter name/],
    ['items/{id', /unbalanced braces/],
  ])('rejects %s', (template, message) => {
    expect(() => compileRoute(template)).toThrow(RouteTemplateError);
    expect(() => compileRoute(template)).toThrow(message);
  });
});

describe('comparePrecedence', () => {
  it('orders literals before constrained before plain parameters before catch-alls', () => {
    const templates = ['items/{*rest}', 'items/{id}', 'items/new', 'items/{id:int}', 'items/{id?}', 'items'];
    const sorted = templates
      .map(compileRoute)
      .sort(comparePrecedence)
      .map((r) => r.template);
    expect(sorted).toEqual(['items/new', 'items/{id:int}', 'items/{id}', 'items', 'items/{id?}', 'items/{*rest}']);
  });
});
