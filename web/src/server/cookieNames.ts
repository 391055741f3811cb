// Cookie names, in a module without server-only imports: the plain Node web server (web/server.ts)
// reads them too, to keep signed-in readers' pages out of its page cache.

/** The signed-in wallet's session (server/session.ts). */
export const SESSION_COOKIE = "topnftpost_session";
/** The reader's chosen language (server/locale.ts). */
export const LOCALE_COOKIE = "topnftpost_lang";
