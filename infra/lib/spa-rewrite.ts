/**
 * CloudFront Function (viewer request, default behaviour only): paths without
 * a file extension are app routes and get index.html. Done here rather than
 * with distribution-wide error responses, which would also turn the API's
 * 403/404 problem+json answers under /v1/* into index.html.
 * CloudFront Functions run a restricted ES5.1 dialect: keep this plain.
 */
export const SPA_REWRITE_SOURCE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;
