/** What is wrong with an uploaded area set or boundary, in Swedish for the administrator and in English. */
export type AreaProblemCode =
  | 'NOT_A_FEATURE_COLLECTION'
  | 'NO_FEATURES'
  | 'NOT_A_FEATURE'
  | 'NOT_A_BOUNDARY'
  | 'MULTIPLE_BOUNDARIES'
  | 'UNSUPPORTED_GEOMETRY'
  | 'MALFORMED_COORDINATES'
  | 'PROJECTED_COORDINATES'
  | 'COORDINATES_OUT_OF_RANGE'
  | 'RING_NOT_CLOSED'
  | 'RING_TOO_SHORT'
  | 'SELF_INTERSECTION'
  | 'TOO_MANY_VERTICES'
  | 'MISSING_CODE'
  | 'INVALID_CODE'
  | 'DUPLICATE_CODE'
  | 'MISSING_NAME'
  | 'AREAS_OVERLAP'
  | 'OVERLAP_CHECK_FAILED';

export interface AreaProblem {
  /** Index into `features`; absent for problems with the document as a whole. */
  featureIndex?: number;
  code: AreaProblemCode;
  /** Swedish, shown to the administrator. */
  message: string;
  messageEn: string;
}

export function problem(
  featureIndex: number | undefined,
  code: AreaProblemCode,
  message: string,
  messageEn: string,
): AreaProblem {
  return featureIndex === undefined ? { code, message, messageEn } : { featureIndex, code, message, messageEn };
}
