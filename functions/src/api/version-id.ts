/**
 * What a version id looks like (`ma-hei-1.1-20261123T034501Z-1a2b`): checked before any store read,
 * so a hostile `version=` or path never reaches the store (it answers the route's 400 or 404).
 */
export const VERSION_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
