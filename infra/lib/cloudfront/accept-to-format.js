// CloudFront Function (cloudfront-js-2.0), viewer request of the /v1/* behaviour.
//
// The API picks CSV, JSON or GeoJSON from `?format=` or, without it, from `Accept`
// (functions/src/api/place-formats.ts negotiateFormat, csv-response.ts wantsCsv).
// The cache key holds the query string but not Accept, so this writes the format
// Accept would select into `format`: one Accept: application/geo+json request can
// no longer make an edge serve GeoJSON for the CSV link. An explicit `?format=`
// wins, as in the API; Accept values that select the route's default (JSON, or CSV
// for bulk downloads) leave the request unchanged.
//
// Only these routes offer GeoJSON; the others take json|csv and answer JSON to
// Accept: application/geo+json. infra/lib/cdn.test.ts checks this list against
// the API's OpenAPI document. Plain ES5: CloudFront Functions are a restricted runtime.
var GEOJSON_ROUTES = /^\/v1\/(places|versions\/[^\/]+\/download)$/;

/** The Accept header as the API sees it: repeated headers joined with ", " (as API Gateway does). */
function acceptOf(headers) {
  var h = headers.accept;
  if (!h) return '';
  if (h.multiValue && h.multiValue.length > 1) return h.multiValue.map(function (v) { return v.value; }).join(', ');
  return h.value;
}

function handler(event) {
  var request = event.request;
  if (request.querystring.format) return request;
  var accept = acceptOf(request.headers);
  var format = null;
  if (accept.indexOf('application/geo+json') !== -1 && GEOJSON_ROUTES.test(request.uri)) format = 'geojson';
  else if (accept.indexOf('text/csv') !== -1 && accept.indexOf('application/json') === -1) format = 'csv';
  if (format) request.querystring.format = { value: format };
  return request;
}
