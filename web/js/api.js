// The portal's only way to the server: the public JSON API (docs/api.md). The
// bearer token lives in sessionStorage (gone when the tab closes, never a cookie,
// so there is no CSRF surface).

const TOKEN_KEY = 'crossdock.token';

/** An error answer: status, the envelope's code, message and details. */
export class ApiError extends Error {
  constructor(status, code, message, details = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Encodes a path segment (SKUs may hold '/', as ANC-TGL-1/4-20). */
export function seg(value) {
  return encodeURIComponent(String(value));
}

/** "?a=1&b=x" from an object, skipping empty values. */
export function query(params) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

async function errorFrom(response) {
  let code = 'http_' + response.status;
  let message = `${response.status} ${response.statusText}`;
  let details = {};
  try {
    const body = await response.json();
    if (body && body.error) {
      code = body.error.code || code;
      message = body.error.message || message;
      details = body.error.details || {};
    }
  } catch (_) {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, code, message, details);
}

/**
 * Calls the API and returns the parsed JSON (or text with {raw: true}). Throws
 * ApiError for any non-2xx answer; a 401 also signs the session out.
 */
export async function api(method, path, body, options = {}) {
  const headers = {Accept: options.raw ? '*/*' : 'application/json', ...(options.headers || {})};
  const current = token();
  if (current) headers.Authorization = `Bearer ${current}`;
  const init = {method, headers};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && current) {
      setToken(null);
      window.dispatchEvent(new CustomEvent('crossdock:signedout', {detail: error.message}));
    }
    throw error;
  }
  if (response.status === 204) return null;
  return options.raw ? response.text() : response.json();
}

export const get = (path, options) => api('GET', path, undefined, options);
export const post = (path, body = {}) => api('POST', path, body);
export const patch = (path, body = {}) => api('PATCH', path, body);

/** Signs in and keeps the token; returns the caller (GET /api/v1/me). */
export async function signIn(email, password) {
  const answer = await api('POST', '/api/v1/auth/token', {email, password});
  setToken(answer.token);
  return get('/api/v1/me');
}

/** Every page of a list endpoint, up to `max` items. */
export async function getAll(path, params = {}, max = 500) {
  const items = [];
  let cursor = null;
  do {
    const page = await get(path + query({...params, cursor, limit: 200}));
    items.push(...(page.items || []));
    cursor = page.next_cursor;
  } while (cursor && items.length < max);
  return items;
}
