/** A JSON body as an object to merge route parameters into (arrays and scalars become {} and fail validation there). */
export const asObject = (body: unknown): object => (body && typeof body === 'object' && !Array.isArray(body) ? body : {});
