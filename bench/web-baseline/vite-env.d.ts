// Lets the root `tsc` (which includes bench/) resolve the baseline page's `?url` and CSS imports.
/// <reference types="vite/client" />
