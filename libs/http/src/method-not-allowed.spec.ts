import { allowedMethods, documentedPaths } from './method-not-allowed';

// Only the paths and their methods matter here; an operation needs its responses to be one.
const op = { responses: {} };
const document = {
  paths: {
    '/variances': { get: op, post: op },
    '/variances/{varianceId}': { get: op },
    '/variances/{varianceId}/decide': { post: op },
    '/variances/open': { put: op },
    '/metrics.v2': { get: op },
  },
};

describe('allowedMethods', () => {
  const paths = documentedPaths(document);

  it('gives the methods of the documented path a request path matches, HEAD with GET', () => {
    expect(allowedMethods(paths, '/variances')).toEqual({ template: '/variances', methods: ['GET', 'POST', 'HEAD'] });
    expect(allowedMethods(paths, '/variances/4f7c/decide/')).toEqual({ template: '/variances/{varianceId}/decide', methods: ['POST'] });
  });

  it('joins the methods of every template a path matches (a literal segment beside a parameter)', () => {
    expect(allowedMethods(paths, '/variances/open')?.methods.sort()).toEqual(['GET', 'HEAD', 'PUT']);
  });

  it('knows no path the document lacks, nor a parameter spanning segments, and reads dots literally', () => {
    expect(allowedMethods(paths, '/programs')).toBeUndefined();
    expect(allowedMethods(paths, '/variances/a/b')).toBeUndefined();
    expect(allowedMethods(paths, '/metricsXv2')).toBeUndefined();
  });
});
