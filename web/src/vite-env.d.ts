/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** Optional XYZ raster basemap URL template; unset = no outside requests at all. */
  readonly VITE_BASEMAP_TILES?: string;
  readonly VITE_BASEMAP_ATTRIBUTION?: string;
}
