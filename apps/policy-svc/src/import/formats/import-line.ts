/** One source line turned into a record (or the reason it could not be): what every format parser yields. */
export interface ImportLineInput {
  line: number;
  record: unknown;
  error?: string;
}
