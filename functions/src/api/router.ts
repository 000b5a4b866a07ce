import { OpenAPIHono } from '@hono/zod-openapi';
import { problems } from './problem.js';

/** Every router shares one validation hook: schema failures become a 400 problem listing each field path. */
export function newRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
        throw problems.badRequest(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      }
    },
  });
}
