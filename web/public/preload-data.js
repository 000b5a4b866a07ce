// Start the first level's data as soon as the HTML arrives, not after MapLibre and the app (≈ 1.3 MB
// of JS) have loaded and run: fetchGeometry and fetchLayers (src/lib/api.ts) are then answered from
// these preloads. A plain script (not bundled), so it runs before the module graph has loaded.
// The level is read as src/lib/state/url-state.ts reads it (`?level=zcta`, else municipalities).
(function () {
  var level = new URLSearchParams(location.search).get('level') === 'zcta' ? 'zcta' : 'town';
  ['geometry', 'layers'].forEach(function (what) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous'; // a fetch() is CORS-mode: only a crossorigin preload matches it
    link.href = '/v1/' + what + '/' + level;
    document.head.appendChild(link);
  });
})();
