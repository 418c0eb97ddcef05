/** Every public route lives under this prefix; health/ready/metrics of the process itself stay at the root. */
export const API_PREFIX = 'api/v1';
